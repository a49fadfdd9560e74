// What the UI asks of the training session in response to input; the frame loop forwards these.
import Engine

/// A request to the engine, produced by `TrainerState.handle(_:)`.
public enum SessionRequest: Equatable, Sendable {
    case start
    case pause
    case step
    case reset
    case setHyperparameters(Hyperparameters)
    case setSpeed(stepsPerSecond: Double?)
    case requestClosedForm
}
