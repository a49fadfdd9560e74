// The closed-form optimum of a session's problem, with the diagnostics the UI shows.

/// The closed-form optimum for the session's training data and L2 penalty, with its diagnostics.
public struct ClosedFormComparison: Sendable {
    public var weights: [Double]
    public var intercept: Double?
    /// J's data term (k·MSE) of the optimum on the training rows (the loss chart's reference line).
    public var trainLoss: Double
    public var testLoss: Double?
    public var rank: Int
    public var conditionNumber: Double
    public var singularValues: [Double]
    public var largestStableLearningRate: Double
    /// The textbook (XᵀX)⁻¹Xᵀy answer, shown for teaching, never used; nil when XᵀX is singular.
    public var normalEquationWeights: [Double]?
    /// Warnings such as collinear columns, naming them.
    public var warnings: [String]
    /// √(RSS / (n − p)) at the optimum (0 when n ≤ p).
    public var residualStandardDeviation: Double
    /// ‖normal-equation answer − this answer‖ / ‖this answer‖; nil without a normal-equation answer.
    public var normalEquationRelativeDistance: Double?

    public init(
        weights: [Double], intercept: Double?, trainLoss: Double, testLoss: Double?, rank: Int,
        conditionNumber: Double, singularValues: [Double], largestStableLearningRate: Double,
        normalEquationWeights: [Double]?, warnings: [String], residualStandardDeviation: Double = 0,
        normalEquationRelativeDistance: Double? = nil
    ) {
        self.weights = weights
        self.intercept = intercept
        self.trainLoss = trainLoss
        self.testLoss = testLoss
        self.rank = rank
        self.conditionNumber = conditionNumber
        self.singularValues = singularValues
        self.largestStableLearningRate = largestStableLearningRate
        self.normalEquationWeights = normalEquationWeights
        self.warnings = warnings
        self.residualStandardDeviation = residualStandardDeviation
        self.normalEquationRelativeDistance = normalEquationRelativeDistance
    }
}
