// Plays a recording back on a live session: each command at its step, so the UI shows the lesson again.
import Foundation

/// Drives a session (made from the recording's setup) through a recording's commands, each at the step
/// it was applied, pausing the session exactly there with `pause(atStep:)`. `play()` does it on a thread of its
/// own (`advance()` waits for the session to reach each step), so a frame loop only reads `progress` and
/// `isFinished`, which never wait.
///
/// At a replay speed (`speed`, 1 the recorded pace) each command also waits for its recorded time, scaled;
/// the recorded steps per second are scaled the same way. Only when commands are sent depends on it, never the
/// step they apply at, so the end is the same at any speed.
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
    /// When each command is due (guarded by `publishedLock`: the UI changes the speed while the thread plays).
    private var pace: ReplayPace
    /// The recorded time of the last command sent (guarded by `publishedLock`).
    private var recordedNow = 0.0
    /// The recorded session's steps per second in force (nil: unlimited); sent scaled by the replay speed.
    private var recordedSpeed: Double??

    /// - Parameter speed: the replay speed (1: the recorded pace; nil: as fast as possible, no waits).
    public init(recording: SessionRecording, session: TrainingSession, speed: Double? = nil) {
        self.recording = recording
        self.session = session
        pace = ReplayPace(speed: speed, now: ProcessInfo.processInfo.systemUptime)
    }

    /// The replay speed (1: the recorded pace; nil: as fast as possible).
    public var speed: Double? { publishedLock.withLock { pace.speed } }

    /// Changes the replay speed from now on; the recorded session's steps per second follow it.
    public func setSpeed(_ speed: Double?) {
        let resend: Double?? = publishedLock.withLock {
            pace.change(speed: speed, now: ProcessInfo.processInfo.systemUptime, recordedNow: recordedNow)
            return recordedSpeed
        }
        if let resend { session.setSpeed(stepsPerSecond: scaled(resend, by: speed)) }
    }

    /// A recorded steps-per-second scaled by the replay speed (unlimited stays unlimited; `max` is unlimited).
    private func scaled(_ stepsPerSecond: Double?, by speed: Double?) -> Double? {
        guard let stepsPerSecond, let speed else { return nil }
        return stepsPerSecond * speed
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
            // At the recorded pace: wait (paused at this step) until the command's recorded time comes.
            let now = ProcessInfo.processInfo.systemUptime
            let pace = publishedLock.withLock { self.pace }
            if let wait = pace.due(recorded: commands[index].time), now < wait { return true }
            var sentStart = false
            var next = index
            // The commands of this step that are due by now; a later one at the same step waits its turn.
            while next < commands.count, commands[next].step == due,
                next == index || pace.due(recorded: commands[next].time).map({ $0 <= now }) ?? true {
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
            let speed = publishedLock.withLock {
                if let time = commands[next - 1].time { recordedNow = time }
                return pace.speed
            }
            for k in index..<next {
                if case .setSpeed(let stepsPerSecond) = commands[k].command {
                    publishedLock.withLock { recordedSpeed = .some(stepsPerSecond) }
                    session.setSpeed(stepsPerSecond: scaled(stepsPerSecond, by: speed))
                } else {
                    session.send(commands[k].command)
                }
            }
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
