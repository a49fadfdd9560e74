// The closed-form answer and the diagnostics that explain it.

/// The minimum-norm least-squares (or ridge) solution with its diagnostics.
public struct LeastSquaresSolution: Sendable {
    /// w, one per design column, in the design's order and units.
    public var coefficients: [Double]
    /// b, or nil when no intercept is fitted.
    public var intercept: Double?
    /// Numerical rank of the (centred, scaled) design.
    public var rank: Int
    /// Singular values of the design the optimum is defined on (centred when an intercept is fitted), descending.
    public var singularValues: [Double]
    /// σmax / σmin (infinite when rank-deficient).
    public var conditionNumber: Double
    /// Σ rᵢ² at the optimum.
    public var residualSumOfSquares: Double
    /// (1/n) Σ rᵢ²: the optimal training MSE.
    public var meanSquaredError: Double
    public var rSquared: Double
    /// √(RSS / (n − p)), p counting the intercept; NaN-free: 0 when n ≤ p.
    public var residualStandardDeviation: Double
    /// Largest stable full-batch GD rate on this design (unstandardized): n / σmax(A)² with A = [X 1], less for ridge.
    public var largestStableLearningRate: Double
    /// The same bound for GD on z-scored features (x − mean)/sd with an intercept, x/rms without, no ridge:
    /// 1/λmax of the scaled design's Gram matrix (the correlation matrix with an intercept).
    public var standardizedLargestStableLearningRate: Double
    /// The textbook (XᵀX)⁻¹Xᵀy answer (coefficients, then intercept if fitted); nil when the solve fails.
    public var normalEquationCoefficients: [Double]?
    public var normalEquationIntercept: Double?
    /// ‖normal-equation answer − this answer‖ / ‖this answer‖ over all parameters; nil with no normal-equation answer.
    public var normalEquationRelativeDistance: Double?
    /// Groups of column indices that are (numerically) collinear.
    public var collinearColumns: [[Int]]
    /// Human-readable warnings (collinearity naming columns, wide problems, …).
    public var warnings: [String]

    public init(
        coefficients: [Double], intercept: Double?, rank: Int, singularValues: [Double], conditionNumber: Double,
        residualSumOfSquares: Double, meanSquaredError: Double, rSquared: Double, residualStandardDeviation: Double,
        largestStableLearningRate: Double, standardizedLargestStableLearningRate: Double, normalEquationCoefficients: [Double]?, normalEquationIntercept: Double?,
        normalEquationRelativeDistance: Double?, collinearColumns: [[Int]], warnings: [String]
    ) {
        self.coefficients = coefficients
        self.intercept = intercept
        self.rank = rank
        self.singularValues = singularValues
        self.conditionNumber = conditionNumber
        self.residualSumOfSquares = residualSumOfSquares
        self.meanSquaredError = meanSquaredError
        self.rSquared = rSquared
        self.residualStandardDeviation = residualStandardDeviation
        self.largestStableLearningRate = largestStableLearningRate
        self.standardizedLargestStableLearningRate = standardizedLargestStableLearningRate
        self.normalEquationCoefficients = normalEquationCoefficients
        self.normalEquationIntercept = normalEquationIntercept
        self.normalEquationRelativeDistance = normalEquationRelativeDistance
        self.collinearColumns = collinearColumns
        self.warnings = warnings
    }
}
