// MSE, RMSE and R² of a model on a set of rows.

/// How well a model fits some rows. Never NaN: R² of a constant target is 1 for a perfect fit, else 0.
public struct RegressionMetrics: Sendable, Equatable {
    public var meanSquaredError: Double
    public var rootMeanSquaredError: Double
    public var rSquared: Double

    /// From the residual sum of squares, the row count and the total sum of squares Σ(y − ȳ)².
    public init(residualSumOfSquares sse: Double, rowCount: Int, totalSumOfSquares sst: Double) {
        meanSquaredError = sse / Double(rowCount)
        rootMeanSquaredError = meanSquaredError.squareRoot()
        if sst > 0 {
            rSquared = 1 - sse / sst
        } else {
            rSquared = sse == 0 ? 1 : 0
        }
    }

    /// Σ(y − ȳ)², the denominator of R².
    public static func totalSumOfSquares(_ y: [Double]) -> Double {
        guard !y.isEmpty else { return 0 }
        let mean = y.reduce(0, +) / Double(y.count)
        return y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    }
}
