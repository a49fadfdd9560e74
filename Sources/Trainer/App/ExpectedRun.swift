// What the user asked the engine for that its snapshots do not show yet: the one home of optimistic run state.
import Engine
import Foundation

/// Shown in place of the snapshot's figures until the engine acts on the request (or half a second passes, so
/// a request the engine refused cannot stick): Space shows Pause at once even if the training thread is busy.
/// The snapshot itself is never changed; `TrainerState.status` and `.standardized` read through this.
public struct ExpectedRun: Sendable {
    /// How long a request is shown without the engine acting on it.
    static let patience: TimeInterval = 0.5

    /// Running or paused as asked, and the step the engine stood at when it was asked.
    var running: (value: Bool, step: Int, until: Date)?
    var standardized: (value: Bool, until: Date)?

    public init() {}

    mutating func expect(running value: Bool, at step: Int, now: Date = Date()) {
        running = (value, step, now.addingTimeInterval(Self.patience))
    }

    mutating func expect(standardized value: Bool, now: Date = Date()) {
        standardized = (value, now.addingTimeInterval(Self.patience))
    }

    /// The status to show over `snapshot`.
    func status(over snapshot: TrainingSnapshot) -> TrainingStatus {
        guard let running else { return snapshot.status }
        return running.value ? .running : .paused
    }

    /// Forgets what `snapshot` shows the engine has acted on, and what waited too long. A run that has
    /// stepped since Start has acted on it, even if it stopped itself again (converged, say).
    mutating func retire(given snapshot: TrainingSnapshot, now: Date = Date()) {
        if let expected = running {
            let acted = (snapshot.status == .running) == expected.value || (expected.value && snapshot.step != expected.step)
            if acted || now >= expected.until { running = nil }
        }
        if let expected = standardized, snapshot.standardized == expected.value || now >= expected.until {
            standardized = nil
        }
    }
}
