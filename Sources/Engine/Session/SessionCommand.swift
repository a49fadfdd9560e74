// The commands a caller sends to a training session.

/// Something the caller asked a session to do; applied between two steps, in the order sent.
public enum SessionCommand: Sendable, Equatable, Codable {
    case start
    case pause
    case step
    case reset
    case setHyperparameters(Hyperparameters)
    case setStandardized(Bool)
    case setSpeed(stepsPerSecond: Double?)
    case requestClosedForm
    /// A change to the training points (one-input data up to `DataEdit.maximumRows` rows); refused edits
    /// change nothing and say why in the snapshot's `dataEditRefusal`.
    case editData(DataEdit)
    /// Step 0 again from these weights in data units (each feature's weight, then the intercept, which a model
    /// without one ignores): a reset with another start, for a line fitted by hand or a point picked on the loss
    /// landscape. `reset` returns to the configured start. A wrong count or a non-finite value changes nothing.
    case startFrom([Double])
}

/// A command with the step count at which the session applied it: replaying the trajectory-changing ones at
/// the same steps on a `TrainingRun` with the same data and seed reproduces the run bit for bit.
public struct AppliedCommand: Sendable, Equatable, Codable {
    /// Steps taken before the command took effect.
    public var step: Int
    public var command: SessionCommand
    /// Seconds from the session's start to the command, to the millisecond (nil in recordings made before
    /// times were written). Only a replay's pace reads it; the trajectory depends on `step` alone.
    public var time: Double?

    public init(step: Int, command: SessionCommand, time: Double? = nil) {
        self.step = step
        self.command = command
        self.time = time.map(AppliedCommand.milliseconds)
    }

    /// `seconds` rounded to the millisecond, so the time written to a recording reads back equal.
    static func milliseconds(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
}

extension TrainingRun {
    /// Applies a trajectory-changing command (others are the session's business and are ignored here).
    public mutating func apply(_ command: SessionCommand) {
        switch command {
        case .reset: reset()
        case .setHyperparameters(let h): setHyperparameters(h)
        case .setStandardized(let on): setStandardized(on)
        case .editData(let change): edit(change)
        case .startFrom(let weights): start(from: weights)
        case .start, .pause, .step, .setSpeed, .requestClosedForm: break
        }
    }
}
