// Records a live session to a file: the setup now, the applied commands and the final model on quit.
import Foundation

/// Writes a session's recording when the session ends. Commands are not written as they come: the session
/// keeps them (`appliedCommands()`), and one atomic write at the end never leaves a half-written file.
public struct SessionRecorder: Sendable {
    public let path: String
    public let setup: SessionSetup

    /// Checks now that `path` can be written (so a bad path fails before the session starts, not at quit).
    public init(path: String, setup: SessionSetup) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw AtomicWrite.Failure(description: "\(path): no such directory")
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw AtomicWrite.Failure(description: "\(path): cannot write (permission denied)")
        }
        self.path = path
        self.setup = setup
    }

    /// The recording of `session` so far: pauses it, waits for it to settle, and takes its commands and model.
    public static func recording(of session: TrainingSession, setup: SessionSetup) -> SessionRecording {
        session.pause()
        session.waitUntilIdle()
        let snapshot = session.snapshot()
        return SessionRecording(
            setup: setup, commands: session.appliedCommands(),
            final: .init(step: snapshot.step, coefficients: snapshot.weights, intercept: snapshot.intercept))
    }

    /// Pauses the session and writes its recording (call on quit; the session stays usable).
    public func finish(session: TrainingSession) throws {
        try SessionRecorder.recording(of: session, setup: setup).write(to: path)
    }
}
