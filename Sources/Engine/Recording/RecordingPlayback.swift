// Plays a recording back on a live session: each command at its step, so the UI shows the lesson again.
import Foundation

/// Drives a session (made from the recording's setup) through a recording's commands, each at the step
/// it was applied, pausing the session exactly there with `pause(atStep:)`. `play()` does it on a thread of its
/// own (`advance()` waits for the session to reach each step), so a frame loop only reads `progress` and
/// `isFinished`, which never wait.
///
/// Where the recorded session was running through a command, playback pauses at that step, applies the
/// command and runs on. The pause evaluates the loss there; on data small enough for the loss to be
/// evaluated every step anyway (n·d ≤ 2·10⁵) that changes nothing, so the playback ends bit-identical.
public final class RecordingPlayback: @unchecked Sendable {
    public let recording: SessionRecording
    public let session: TrainingSession
    /// Held by `advance()` for the whole of a move, waits included.
    private let lock = NSLock()
    /// Guards only `published`: what readers see, never held across a wait.
    private let publishedLock = NSLock()
    private var published = (progress: 0, finished: false)
    private var playing = false
    private var cancelled = false
    private var index = 0
    /// Whether the recorded session was running after the commands applied so far.
    private var running = false
    private var done = false

    public init(recording: SessionRecording, session: TrainingSession) {
        self.recording = recording
        self.session = session
    }

    /// Commands sent so far, of `recording.commands.count`.
    public var progress: Int { publishedLock.withLock { published.progress } }

    /// Whether the recording has been played to its end.
    public var isFinished: Bool { publishedLock.withLock { published.finished } }

    /// Plays the recording to its end on a thread of its own (once; later calls do nothing).
    public func play() {
        let first = publishedLock.withLock {
            defer { playing = true }
            return !playing
        }
        guard first else { return }
        let thread = Thread { [self] in
            // `advance()` returns at once while the session runs towards the next step: look again in 2 ms.
            while !publishedLock.withLock({ cancelled }), advance() { Thread.sleep(forTimeInterval: 0.002) }
        }
        thread.name = "descent.playback"
        thread.start()
    }

    /// Ends `play()`'s thread after its current move (when the app quits mid-playback).
    public func cancel() { publishedLock.withLock { cancelled = true } }

    /// Sends whatever is due; returns false once the recording has been played to its end.
    @discardableResult
    public func advance() -> Bool {
        lock.lock()
        defer {
            let progress = index, finished = done
            lock.unlock()
            publishedLock.withLock { published = (progress, finished) }
        }
        guard !done else { return false }
        let snapshot = session.snapshot()
        if snapshot.status == .running { return true }
        if [.converged, .oscillating, .maxSteps, .diverged].contains(snapshot.status) { running = false }

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
