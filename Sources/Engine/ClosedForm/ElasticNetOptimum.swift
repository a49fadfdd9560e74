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
        self.init(
            problem: ElasticNetProblem(train: train, fitIntercept: fitIntercept, standardized: standardized, loss: loss),
            l1: l1, l2: l2, start: start, tolerance: tolerance)
    }

    /// The optimum of an already prepared problem (one Gram pass serves a whole path); `start` is a warm start
    /// in GD's units (w only).
    public init(problem p: ElasticNetProblem, l1: Double, l2: Double, start: [Double]? = nil, tolerance: Double = 1e-14) {
        let k = p.loss.multipleOfMSE(rows: p.rows)
        let solution = CoordinateDescent.solve(
            gram: p.gram, xty: p.xty, yy: p.yy, rows: p.rows, l1: l1 / (2 * k), l2: l2 / k, start: start,
            tolerance: tolerance)
        let w = solution.weights, d = w.count
        let b = p.fitIntercept ? p.mean : 0
        trainingParameters = w + [b]
        let sse = p.design.sumOfSquaredResiduals(parameters: trainingParameters, intercept: b)
        var penalty = 0.0
        for j in 0..<d { penalty += l2 * w[j] * w[j] + l1 * abs(w[j]) }
        objective = p.loss.value(sumOfSquares: sse, rows: p.rows) + penalty
        let model = p.scaling.toDataUnits(weights: w, intercept: b)
        weights = model.weights
        intercept = p.fitIntercept ? model.intercept : nil
        gap = solution.gap
        sweeps = solution.sweeps
    }
}

extension ElasticNetOptimum {
    /// The all-zero model (the optimum at or above alpha_max): weights 0, the intercept the mean of y.
    mutating func zero() {
        let d = weights.count
        let b = trainingParameters[d]
        trainingParameters = [Double](repeating: 0, count: d) + [b]
        weights = [Double](repeating: 0, count: d)
        if intercept != nil { intercept = b }
        gap = 0
    }
}

/// What coordinate descent needs of the data, computed once: the centred Gram matrix, X̃ᵀỹ and ‖ỹ‖², in the
/// units GD runs on (z-scores when standardized; raw columns, centred with an intercept, otherwise).
public struct ElasticNetProblem: Sendable {
    public let rows: Int
    public let fitIntercept: Bool
    public let loss: LossScaling
    let scaling: FeatureScaling
    let design: DesignMatrix
    let gram: [Double]
    let xty: [Double]
    let yy: Double
    let mean: Double

    public init(train: Dataset, fitIntercept: Bool, standardized: Bool, loss: LossScaling = .mse) {
        let n = train.rowCount, d = train.featureCount
        rows = n
        self.fitIntercept = fitIntercept
        self.loss = loss
        let standard = FeatureScaling(standardizing: train, centred: fitIntercept)
        // Raw units keep scale 1; with an intercept the columns are centred either way (b absorbs the means).
        scaling = standardized
            ? standard
            : FeatureScaling(shifts: fitIntercept ? standard.shifts : .init(repeating: 0, count: d), scales: .init(repeating: 1, count: d))
        design = DesignMatrix(x: train.x, y: train.y, columnCount: d, scaling: scaling)
        var mean = 0.0
        if fitIntercept { for value in train.y { mean += value }; mean /= Double(n) }
        self.mean = mean
        var sums = [Double](repeating: 0, count: d + 1)
        yy = design.residualPass(parameters: [Double](repeating: 0, count: d + 1), intercept: mean, gradient: &sums)
        xty = (0..<d).map { -sums[$0] }
        gram = design.gram(withOnes: false)
    }

    /// scikit-learn's alpha_max for `l1Ratio`: the smallest alpha whose optimum is all zeros, max|X̃ᵀỹ|/(n·l1_ratio).
    public func largestAlpha(l1Ratio: Double) -> Double {
        (xty.map(abs).max() ?? 0) / (Double(rows) * l1Ratio)
    }
}
