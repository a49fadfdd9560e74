// Plays a recording back on a live session: each command at its step, so the UI shows the lesson again.
import Foundation

/// Drives a session (made from the recording's setup) through a recording's commands, each at the step
/// it was applied, pausing the session exactly there with `pause(atStep:)`. Call `advance()` from the UI's
/// frame loop; it never blocks longer than the session takes to accept a command.
///
/// Where the recorded session was running through a command, playback pauses at that step, applies the
/// command and runs on. The pause evaluates the loss there; on data small enough for the loss to be
/// evaluated every step anyway (n·d ≤ 2·10⁵) that changes nothing, so the playback ends bit-identical.
public final class RecordingPlayback: @unchecked Sendable {
    public let recording: SessionRecording
    public let session: TrainingSession
    private let lock = NSLock()
    private var index = 0
    /// Whether the recorded session was running after the commands applied so far.
    private var running = false
    private var done = false

    public init(recording: SessionRecording, session: TrainingSession) {
        self.recording = recording
        self.session = session
    }

    /// Commands sent so far, of `recording.commands.count`.
    public var progress: Int { lock.withLock { index } }

    /// Sends whatever is due; returns false once the recording has been played to its end.
    @discardableResult
    public func advance() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return false }
        let snapshot = session.snapshot()
        if snapshot.status == .running { return true }
        if [.converged, .maxSteps, .diverged].contains(snapshot.status) { running = false }

        let commands = recording.commands
        if index < commands.count {
            let due = commands[index].step
            if snapshot.step < due {
                guard running else { return finish() }  // cannot get there: the recording does not match
                session.pause(atStep: due)
                session.start()
                session.waitUntilIdle()
                return true
            }
            guard snapshot.step == due else { return finish() }
            var sentStart = false
            var next = index
            while next < commands.count, commands[next].step == due {
                let command = commands[next].command
                switch command {
                case .start:
                    running = true
                    sentStart = true
                case .pause, .step, .reset: running = false
                default: break
                }
                next += 1
            }
            let target = next < commands.count ? commands[next].step : recording.final?.step
            session.pause(atStep: target)
            for k in index..<next { session.send(commands[k].command) }
            index = next
            // Paused here only by playback: the recorded session ran on through these commands.
            if running && !sentStart { session.start() }
            session.waitUntilIdle()
            return true
        }
        if let final = recording.final, snapshot.step < final.step, running {
            session.pause(atStep: final.step)
            session.start()
            session.waitUntilIdle()
            return true
        }
        return finish()
    }

    private func finish() -> Bool {
        session.pause(atStep: nil)
        done = true
        return false
    }
}
