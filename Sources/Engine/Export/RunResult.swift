// How a run (or a solve) ended: the one schema `descent fit --json` prints and the export's PREFIX.json holds.

/// The outcome of a run in data units, with the JSON field names both `fit --json` and the export use
/// (`fit` adds the closed form's diagnostics and `--history`; the export adds the setup and the row counts).
/// Absent values (`intercept` without one, `test` without test rows, the closed form's `schedule`) are `null`.
public struct RunResult: Sendable, Equatable, Codable {
    public struct Metrics: Sendable, Equatable, Codable {
        public var mse: Double
        public var rmse: Double
        public var r2: Double

        public init(_ metrics: RegressionMetrics) {
            self.init(mse: metrics.meanSquaredError, r2: metrics.rSquared)
        }

        /// RMSE is √MSE.
        public init(mse: Double, r2: Double) {
            self.mse = mse
            rmse = mse.squareRoot()
            self.r2 = r2
        }
    }

    /// A learning-rate schedule by the names options and presets give it and the parameters it uses.
    public struct Schedule: Sendable, Equatable, Codable {
        public var name: String
        public var decay: Double?
        public var powerT: Double?
        public var gamma: Double?
        public var every: Double?
        public var horizon: Int?
        public var floor: Double?

        public init(_ schedule: LearningRateSchedule) {
            name = schedule.kind.rawValue
            switch schedule.kind {
            case .constant: break
            case .inverse: decay = schedule.decay
            case .invscaling: powerT = schedule.power
            case .step: (gamma, every) = (schedule.factor, schedule.every)
            case .cosine: (horizon, floor) = (schedule.horizon, schedule.floor)
            }
        }

        enum CodingKeys: String, CodingKey {
            case name, decay, gamma, every, horizon, floor
            case powerT = "power_t"
        }
    }

    /// "gd", "sgd", "minibatch" or "closed-form".
    public var method: String
    public var dataset: String
    public var features: [String]
    public var coefficients: [Double]
    public var intercept: Double?
    public var train: Metrics
    public var test: Metrics?
    public var steps: Int
    public var epochs: Double
    public var status: TrainingStatus
    public var message: String?
    /// 2/λmax for full-batch GD on this problem, in the loss's scaling.
    public var largestStableLearningRate: Double
    /// The loss scaling J was minimised in, and J of the final weights (nil when not evaluated).
    public var loss: LossScaling
    public var objective: Double?
    /// The schedule in force at the end and the rate the next step would take (nil for the closed form).
    public var schedule: Schedule?
    public var finalLearningRate: Double?

    public init(
        method: String, dataset: String, features: [String], coefficients: [Double], intercept: Double?, train: Metrics,
        test: Metrics?, steps: Int, epochs: Double, status: TrainingStatus, message: String?,
        largestStableLearningRate: Double, loss: LossScaling, objective: Double?, schedule: Schedule?,
        finalLearningRate: Double?
    ) {
        self.method = method
        self.dataset = dataset
        self.features = features
        self.coefficients = coefficients
        self.intercept = intercept
        self.train = train
        self.test = test
        self.steps = steps
        self.epochs = epochs
        self.status = status
        self.message = message
        self.largestStableLearningRate = largestStableLearningRate
        self.loss = loss
        self.objective = objective
        self.schedule = schedule
        self.finalLearningRate = finalLearningRate
    }

    /// Where a headless run stands (its hyperparameters as they ended). A run that has not stopped itself (a
    /// replayed recording that ended before) is `paused`.
    public init(run: inout TrainingRun) {
        let model = run.model
        let h = run.hyperparameters
        self.init(
            method: h.method.rawValue, dataset: run.train.name, features: run.train.featureNames,
            coefficients: model.weights, intercept: model.intercept, train: Metrics(run.trainMetrics()),
            test: run.testMetrics().map(Metrics.init), steps: run.step, epochs: run.epoch, status: run.outcome ?? .paused,
            message: run.message, largestStableLearningRate: run.largestStableLearningRate(), loss: h.loss,
            objective: run.latestTrainLoss, schedule: Schedule(h.schedule), finalLearningRate: run.currentLearningRate)
    }

    /// Where a live session stands, from its snapshot.
    public init(snapshot: TrainingSnapshot, dataset: String, features: [String]) {
        let h = snapshot.hyperparameters
        self.init(
            method: h.method.rawValue, dataset: dataset, features: features, coefficients: snapshot.weights,
            intercept: snapshot.intercept, train: Metrics(mse: snapshot.trainMSE, r2: snapshot.trainR2),
            test: snapshot.testMSE.map { Metrics(mse: $0, r2: snapshot.testR2 ?? 0) }, steps: snapshot.step,
            epochs: snapshot.epoch, status: snapshot.status, message: snapshot.message,
            largestStableLearningRate: snapshot.largestStableLearningRate, loss: h.loss, objective: snapshot.trainLoss,
            schedule: Schedule(h.schedule), finalLearningRate: snapshot.currentLearningRate)
    }

    enum CodingKeys: String, CodingKey {
        case method, dataset, features, coefficients, intercept, train, test, steps, epochs, status, message, loss
        case objective, schedule
        case largestStableLearningRate = "lr_max_stable", finalLearningRate = "lr_final"
    }

    /// Every field, absent ones as `null` (a synthesized conformance would leave them out).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(method, forKey: .method)
        try c.encode(dataset, forKey: .dataset)
        try c.encode(features, forKey: .features)
        try c.encode(coefficients, forKey: .coefficients)
        try c.encode(intercept, forKey: .intercept)
        try c.encode(train, forKey: .train)
        try c.encode(test, forKey: .test)
        try c.encode(steps, forKey: .steps)
        try c.encode(epochs, forKey: .epochs)
        try c.encode(status, forKey: .status)
        try c.encode(message, forKey: .message)
        try c.encode(largestStableLearningRate, forKey: .largestStableLearningRate)
        try c.encode(loss, forKey: .loss)
        try c.encode(objective, forKey: .objective)
        try c.encode(schedule, forKey: .schedule)
        try c.encode(finalLearningRate, forKey: .finalLearningRate)
    }
}
