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
    /// L1 penalty α₁ in α₁‖w‖₁ (with `l2` too: the elastic net); the intercept is never penalised.
    public var l1: Double
    /// The learner's scaling of the squared error (what J, ∇J and η mean).
    public var loss: LossScaling
    /// How the rate decays from `learningRate` (η₀) as steps go by.
    public var schedule: LearningRateSchedule

    public init(
        method: TrainingMethod = .gd, update: UpdateRule = .plain, learningRate: Double = 0.1,
        batchSize: Int = 32, l2: Double = 0, momentum: Double = 0.9, loss: LossScaling = .mse,
        schedule: LearningRateSchedule = .constant, l1: Double = 0
    ) {
        self.l1 = l1
        self.method = method
        self.update = update
        self.learningRate = learningRate
        self.batchSize = batchSize
        self.l2 = l2
        self.momentum = momentum
        self.loss = loss
        self.schedule = schedule
    }

    private enum CodingKeys: String, CodingKey {
        case method, update, learningRate, batchSize, l2, momentum, loss, schedule, l1
    }

    /// Keys added after the first recordings (loss, schedule, l1) may be absent and then take their defaults.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        method = try c.decode(TrainingMethod.self, forKey: .method)
        update = try c.decode(UpdateRule.self, forKey: .update)
        learningRate = try c.decode(Double.self, forKey: .learningRate)
        batchSize = try c.decode(Int.self, forKey: .batchSize)
        l2 = try c.decode(Double.self, forKey: .l2)
        momentum = try c.decode(Double.self, forKey: .momentum)
        loss = try c.decodeIfPresent(LossScaling.self, forKey: .loss) ?? .mse
        schedule = try c.decodeIfPresent(LearningRateSchedule.self, forKey: .schedule) ?? .constant
        l1 = try c.decodeIfPresent(Double.self, forKey: .l1) ?? 0
    }

    /// Later keys are written only when they differ from their defaults, so older files read the same.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(method, forKey: .method)
        try c.encode(update, forKey: .update)
        try c.encode(learningRate, forKey: .learningRate)
        try c.encode(batchSize, forKey: .batchSize)
        try c.encode(l2, forKey: .l2)
        try c.encode(momentum, forKey: .momentum)
        if loss != .mse { try c.encode(loss, forKey: .loss) }
        if schedule != .constant { try c.encode(schedule, forKey: .schedule) }
        if l1 != 0 { try c.encode(l1, forKey: .l1) }
    }
}
