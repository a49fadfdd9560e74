// The optimum of J = c·Σr² + α₂‖w‖² + α₁‖w‖₁ (an L1 penalty has no closed form) by coordinate descent.

/// The L1 or elastic-net optimum of the objective GD minimises, in the units GD runs on (z-scores when
/// standardized, raw otherwise), mapped back to data units. With k = c·n, J/(2k) is scikit-learn's
/// ElasticNet objective (1/2n)‖y − Xw − b‖² + alpha·l1_ratio‖w‖₁ + ½·alpha·(1 − l1_ratio)‖w‖² with
/// λ₁ = alpha·l1_ratio = α₁/(2k) and λ₂ = alpha·(1 − l1_ratio) = α₂/k (for MSE: alpha = α₁/2 + α₂).
public struct ElasticNetOptimum: Sendable {
    /// In data units; the intercept is nil without one.
    public var weights: [Double]
    public var intercept: Double?
    /// J of the optimum (data term plus both penalties, in the units GD runs on).
    public var objective: Double
    /// The same weights in GD's units (w then b), where the penalties apply and zeros are exact.
    public var trainingParameters: [Double]
    public var gap: Double
    public var sweeps: Int

    /// scikit-learn's (alpha, l1_ratio) for Descent's α₁, α₂ under a loss scaling with multiple k of MSE.
    public static func scikitLearnParameters(l1: Double, l2: Double, multipleOfMSE k: Double) -> (alpha: Double, l1Ratio: Double) {
        let lambda1 = l1 / (2 * k), lambda2 = l2 / k
        let alpha = lambda1 + lambda2
        return (alpha, alpha > 0 ? lambda1 / alpha : 1)
    }

    public init(
        train: Dataset, fitIntercept: Bool, l1: Double, l2: Double, standardized: Bool, loss: LossScaling = .mse,
        start: [Double]? = nil, tolerance: Double = 1e-14
    ) {
        let n = train.rowCount, d = train.featureCount
        let standard = FeatureScaling(standardizing: train, centred: fitIntercept)
        // Raw units keep scale 1; with an intercept the columns are centred either way (b absorbs the means).
        let scaling = standardized ? standard : FeatureScaling(shifts: fitIntercept ? standard.shifts : .init(repeating: 0, count: d), scales: .init(repeating: 1, count: d))
        let design = DesignMatrix(x: train.x, y: train.y, columnCount: d, scaling: scaling)
        var mean = 0.0
        if fitIntercept { for value in train.y { mean += value }; mean /= Double(n) }
        var sums = [Double](repeating: 0, count: d + 1)
        let yy = design.residualPass(parameters: [Double](repeating: 0, count: d + 1), intercept: mean, gradient: &sums)
        let xty = (0..<d).map { -sums[$0] }
        let k = loss.multipleOfMSE(rows: n)
        let solution = CoordinateDescent.solve(
            gram: design.gram(withOnes: false), xty: xty, yy: yy, rows: n, l1: l1 / (2 * k), l2: l2 / k,
            start: start, tolerance: tolerance)
        let w = solution.weights
        trainingParameters = w + [fitIntercept ? mean : 0]
        let sse = design.sumOfSquaredResiduals(parameters: trainingParameters, intercept: fitIntercept ? mean : 0)
        var penalty = 0.0
        for j in 0..<d { penalty += l2 * w[j] * w[j] + l1 * abs(w[j]) }
        objective = loss.value(sumOfSquares: sse, rows: n) + penalty
        let model = scaling.toDataUnits(weights: w, intercept: fitIntercept ? mean : 0)
        weights = model.weights
        intercept = fitIntercept ? model.intercept : nil
        gap = solution.gap
        sweeps = solution.sweeps
    }
}
