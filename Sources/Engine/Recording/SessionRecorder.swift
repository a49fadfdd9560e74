// Records a live session to a file as it happens: the header at once, each applied command when applied, the final model on quit.
import Foundation

/// Appends a session's recording to its file while the session runs. The header is written when the recorder is
/// made; once `attach(to:)` (or `finish`) has run, every applied command is appended and flushed to the disk
/// (`fdatasync`) as it happens, on the recorder's own queue, so a SIGKILL or a power cut keeps everything up to the
/// last action. `finish` appends the `final` line. A file cut short mid-line still replays (see `SessionRecording`).
public final class SessionRecorder: @unchecked Sendable {
    public let path: String
    public let setup: SessionSetup
    private let queue = DispatchQueue(label: "descent.recorder")
    private let lock = NSLock()
    private var descriptor: Int32
    private var failure: AtomicWrite.Failure?
    private var attached = false

    /// Creates (or empties) `path` and writes the header line, so a bad path fails before the session starts.
    public init(path: String, setup: SessionSetup) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw AtomicWrite.Failure(description: "\(path): no such directory")
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw AtomicWrite.Failure(description: "\(path): cannot write (permission denied)")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw AtomicWrite.Failure(description: "\(path): cannot write (a directory is in the way)")
        }
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw AtomicWrite.Failure(description: "\(path): cannot write (\(String(cString: strerror(errno))))")
        }
        self.path = path
        self.setup = setup
        let header: Data
        do { header = try SessionRecording.headerLine(setup: setup) } catch {
            throw AtomicWrite.Failure(description: "\(path): cannot encode the recording (\(error))")
        }
        append(header)
        if let failure { throw failure }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Starts appending `session`'s applied commands: those applied so far at once, later ones as they happen.
    public func attach(to session: TrainingSession) {
        lock.lock()
        let first = !attached
        attached = true
        lock.unlock()
        guard first else { return }
        session.observeAppliedCommands { [weak self] commands in
            guard let self else { return }
            var data = Data()
            for command in commands {
                guard let line = try? SessionRecording.commandLine(command) else { continue }
                data.append(line)
            }
            let lines = data
            self.queue.async { self.append(lines) }
        }
    }

    /// Returns once every command handed to the recorder so far is in the file (for tests).
    public func waitUntilWritten() { queue.sync {} }

    /// The recording of `session` so far: pauses it, waits for it to settle, and takes its commands and model.
    public static func recording(of session: TrainingSession, setup: SessionSetup) -> SessionRecording {
        session.pause()
        session.waitUntilIdle()
        let snapshot = session.snapshot()
        return SessionRecording(
            setup: setup, commands: session.appliedCommands(),
            final: .init(step: snapshot.step, coefficients: snapshot.weights, intercept: snapshot.intercept))
    }

    /// Pauses the session, appends what is left and the final line, and closes the file (call on quit, once).
    public func finish(session: TrainingSession) throws {
        attach(to: session)
        session.pause()
        session.waitUntilIdle()
        let snapshot = session.snapshot()
        let final = SessionRecording.Final(step: snapshot.step, coefficients: snapshot.weights, intercept: snapshot.intercept)
        let line: Data
        do { line = try SessionRecording.finalLine(final) } catch {
            throw AtomicWrite.Failure(description: "\(path): cannot encode the recording (\(error))")
        }
        queue.sync { append(line) }
        lock.lock()
        defer { lock.unlock() }
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        if let failure { throw failure }
    }

    /// Writes `data` whole and flushes it to the disk; the first error is kept for `finish` to report.
    private func append(_ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        guard descriptor >= 0, failure == nil, !data.isEmpty else { return }
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = AtomicWrite.Failure(description: "\(path): cannot write (\(String(cString: strerror(errno))))")
                    return
                }
                offset += written
            }
        }
        _ = fdatasync(descriptor)
    }
}
