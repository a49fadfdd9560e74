// Where a training run stands.

/// The state of a training session, as `fit --json` prints it.
public enum TrainingStatus: String, Sendable, Codable {
    /// Created or reset, no step taken yet.
    case ready
    case running
    case paused
    /// The relative change of the loss fell below the tolerance.
    case converged
    /// The step or epoch limit was reached.
    case maxSteps = "max-steps"
    /// The loss became non-finite or grew far past its best; training paused itself.
    case diverged
    /// Closed form: solved directly, no steps.
    case solved
}
