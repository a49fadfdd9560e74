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
}

/// A command with the step count at which the session applied it: replaying the trajectory-changing ones at
/// the same steps on a `TrainingRun` with the same data and seed reproduces the run bit for bit.
public struct AppliedCommand: Sendable, Equatable, Codable {
    /// Steps taken before the command took effect.
    public var step: Int
    public var command: SessionCommand

    public init(step: Int, command: SessionCommand) {
        self.step = step
        self.command = command
    }
}

extension TrainingRun {
    /// Applies a trajectory-changing command (others are the session's business and are ignored here).
    public mutating func apply(_ command: SessionCommand) {
        switch command {
        case .reset: reset()
        case .setHyperparameters(let h): setHyperparameters(h)
        case .setStandardized(let on): setStandardized(on)
        case .editData(let change): edit(change)
        case .start, .pause, .step, .setSpeed, .requestClosedForm: break
        }
    }
}
