// An immutable copy of a session's state, cheap to take from another thread (only Engine sets its fields).

/// What the UI (or `fit`) reads from a running session. Weights are in the data's own units.
public struct TrainingSnapshot: Sendable {
    public internal(set) var step: Int
    /// Fractional epochs: rows seen ÷ training rows.
    public internal(set) var epoch: Double
    public internal(set) var weights: [Double]
    /// nil when no intercept is fitted.
    public internal(set) var intercept: Double?
    /// The full training MSE of the weights of step `trainLossStep` (a pause makes it the current step's).
    public internal(set) var trainLoss: Double
    /// The step whose weights `trainLoss` (and `trainR2`) belong to; below `step` the figure is that many steps old.
    public internal(set) var trainLossStep: Int
    /// The running average of the last mini-batch losses (nil under full-batch GD, whose loss is exact every step).
    public internal(set) var batchLossAverage: Double?
    public internal(set) var testLoss: Double?
    /// The MSE of the same weights (what R² and exports report whatever the loss scaling).
    public internal(set) var trainMSE: Double
    public internal(set) var testMSE: Double?
    /// The rate the next step takes (η₀ through the schedule; η₀ itself for a constant rate).
    public internal(set) var currentLearningRate: Double
    public internal(set) var trainR2: Double
    public internal(set) var testR2: Double?
    public internal(set) var stepsPerSecond: Double
    public internal(set) var status: TrainingStatus
    /// A human message for the status (e.g. why training diverged, naming the largest stable rate).
    public internal(set) var message: String?
    public internal(set) var hyperparameters: Hyperparameters
    /// Whether features are standardized for the iterative methods.
    public internal(set) var standardized: Bool
    /// Largest stable learning rate for full-batch GD on this problem (2/λmax of the Hessian).
    public internal(set) var largestStableLearningRate: Double
    /// κ of the design GD runs on now ([X 1] with X scaled when standardized; with the L2 penalty): the one the
    /// `z` key changes. GD needs on the order of κ² steps. nil until known, or when it cannot be computed.
    public internal(set) var conditionNumber: Double?
    /// Set once a requested closed-form solution is ready.
    public internal(set) var closedForm: ClosedFormComparison?
    /// Why a requested closed-form solution could not be computed (one line), if it failed.
    public internal(set) var closedFormFailure: String?
    /// Edits applied to the training rows so far (0: as loaded); `TrainingSession.train` holds the rows it counts.
    public internal(set) var dataVersion = 0
    /// The steps where the training rows changed since the start or the last reset (the loss chart marks them).
    public internal(set) var dataEditSteps: [Int] = []
    /// Why the latest data edit was refused, one line for the screen (nil once one is applied).
    public internal(set) var dataEditRefusal: String?

    public init(
        step: Int = 0, epoch: Double = 0, weights: [Double] = [], intercept: Double? = nil, trainLoss: Double = 0,
        trainLossStep: Int? = nil, batchLossAverage: Double? = nil,
        testLoss: Double? = nil, trainR2: Double = 0, testR2: Double? = nil, stepsPerSecond: Double = 0,
        status: TrainingStatus = .ready, message: String? = nil, hyperparameters: Hyperparameters = .init(),
        standardized: Bool = true, largestStableLearningRate: Double = .infinity, conditionNumber: Double? = nil,
        closedForm: ClosedFormComparison? = nil,
        closedFormFailure: String? = nil, trainMSE: Double? = nil, testMSE: Double? = nil,
        currentLearningRate: Double? = nil, dataVersion: Int = 0, dataEditSteps: [Int] = [], dataEditRefusal: String? = nil
    ) {
        self.dataVersion = dataVersion
        self.dataEditSteps = dataEditSteps
        self.dataEditRefusal = dataEditRefusal
        self.currentLearningRate = currentLearningRate ?? hyperparameters.learningRate
        self.trainMSE = trainMSE ?? trainLoss
        self.testMSE = testMSE ?? testLoss
        self.step = step
        self.epoch = epoch
        self.weights = weights
        self.intercept = intercept
        self.trainLoss = trainLoss
        self.trainLossStep = trainLossStep ?? step
        self.batchLossAverage = batchLossAverage
        self.testLoss = testLoss
        self.trainR2 = trainR2
        self.testR2 = testR2
        self.stepsPerSecond = stepsPerSecond
        self.status = status
        self.message = message
        self.hyperparameters = hyperparameters
        self.standardized = standardized
        self.largestStableLearningRate = largestStableLearningRate
        self.conditionNumber = conditionNumber
        self.closedForm = closedForm
        self.closedFormFailure = closedFormFailure
    }
}

extension TrainingSnapshot {
    /// How many steps old the shown training loss is, when that is worth saying: full-batch GD's loss is always
    /// that of the weights before its last step (one step), so 0 or 1 reads as fresh (nil).
    public var staleTrainLossAge: Int? {
        let age = step - trainLossStep
        return age > 1 ? age : nil
    }
}
