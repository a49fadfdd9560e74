// The knobs of a training run that may change between any two steps.

/// How each step picks its rows.
public enum TrainingMethod: String, CaseIterable, Sendable, Codable {
    /// Full-batch gradient descent: every row, every step.
    case gd
    /// Stochastic gradient descent: one row per step.
    case sgd
    /// Mini-batch: `batchSize` rows per step, drawn without replacement within a shuffled epoch.
    case minibatch
}

/// How a gradient becomes a change of the weights.
public enum UpdateRule: String, CaseIterable, Sendable, Codable {
    case plain, momentum, nesterov, adam
}

/// Hyperparameters that the UI can change while training runs.
public struct Hyperparameters: Sendable, Equatable, Codable {
    public var method: TrainingMethod
    public var update: UpdateRule
    public var learningRate: Double
    /// Rows per step for `.minibatch` (1…n); `.sgd` uses 1 and `.gd` uses n whatever this says.
    public var batchSize: Int
    /// L2 penalty α in α‖w‖²; the intercept is never penalised.
    public var l2: Double
    /// β for momentum and Nesterov.
    public var momentum: Double

    public init(
        method: TrainingMethod = .gd, update: UpdateRule = .plain, learningRate: Double = 0.1,
        batchSize: Int = 32, l2: Double = 0, momentum: Double = 0.9
    ) {
        self.method = method
        self.update = update
        self.learningRate = learningRate
        self.batchSize = batchSize
        self.l2 = l2
        self.momentum = momentum
    }
}
