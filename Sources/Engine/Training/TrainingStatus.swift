// Where a training run stands.

/// The state of a training session, as `fit --json` prints it.
public enum TrainingStatus: String, Sendable, Codable, CaseIterable {
    /// Created or reset, no step taken yet.
    case ready
    case running
    case paused
    /// The relative change of the loss fell below the tolerance, the loss is below where it started and the
    /// gradient fell to a thousandth of its start.
    case converged
    /// The loss stopped changing but the gradient did not shrink: at the stability bound the weights bounce
    /// between two points of equal loss. Training paused itself.
    case oscillating
    /// The step or epoch limit was reached.
    case maxSteps = "max-steps"
    /// The loss became non-finite or grew far past its best; training paused itself.
    case diverged
    /// Closed form: solved directly, no steps.
    case solved
}
