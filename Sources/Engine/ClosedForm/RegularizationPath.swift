// The regularization path: the elastic-net optimum over a log-spaced grid of penalties, largest first, warm-started.
import Foundation

/// glmnet's and scikit-learn's path: `count` values of scikit-learn's alpha from alpha_max (every weight
/// zero) down to eps·alpha_max, log-spaced, each solved by coordinate descent from the previous answer.
/// Each point also gives Descent's α₁ = 2k·alpha·R and α₂ = k·alpha·(1 − R) for l1_ratio R.
public struct RegularizationPath: Sendable {
    public struct Point: Sendable {
        /// scikit-learn's alpha.
        public var alpha: Double
        /// Descent's α₁ and α₂ (--l1, --l2) for this alpha.
        public var l1: Double
        public var l2: Double
        /// In data units (exact zeros where the L1 penalty set them).
        public var weights: [Double]
        public var intercept: Double?
        /// The same weights in the units the penalty applies to (z-scores when standardized).
        public var trainingWeights: [Double]
    }

    public let l1Ratio: Double
    public let points: [Point]

    public init(
        train: Dataset, fitIntercept: Bool, standardized: Bool, loss: LossScaling = .mse, l1Ratio: Double = 1,
        count: Int = 100, eps: Double = 1e-3
    ) {
        precondition(l1Ratio > 0 && l1Ratio <= 1 && count >= 1 && eps > 0 && eps < 1)
        self.l1Ratio = l1Ratio
        let problem = ElasticNetProblem(train: train, fitIntercept: fitIntercept, standardized: standardized, loss: loss)
        let k = loss.multipleOfMSE(rows: train.rowCount)
        let top = problem.largestAlpha(l1Ratio: l1Ratio)
        var start: [Double]?
        var points: [Point] = []
        for index in 0..<count {
            // scikit-learn: np.logspace(log10(alpha_max·eps), log10(alpha_max), count)[::-1].
            let exponent = count == 1 ? 0 : Double(index) / Double(count - 1)
            let alpha = top * pow10(exponent * log10(eps))
            let l1 = 2 * k * alpha * l1Ratio, l2 = k * alpha * (1 - l1Ratio)
            var optimum = ElasticNetOptimum(problem: problem, l1: l1, l2: l2, start: start)
            if index == 0 {
                // At alpha_max the optimum is w = 0 exactly (the first weight's threshold is met with equality;
                // rounding may leave it a few ulps off zero).
                optimum = ElasticNetOptimum(problem: problem, l1: l1, l2: l2, start: nil, tolerance: .infinity)
                optimum.zero()
            }
            start = Array(optimum.trainingParameters.dropLast())
            points.append(Point(
                alpha: alpha, l1: l1, l2: l2, weights: optimum.weights, intercept: optimum.intercept,
                trainingWeights: start!))
        }
        self.points = points
    }

    /// Feature indices in the order they first become non-zero along the path (largest penalty first).
    public var entryOrder: [Int] {
        var order: [Int] = []
        for point in points {
            for (j, w) in point.trainingWeights.enumerated() where w != 0 && !order.contains(j) { order.append(j) }
        }
        return order
    }
}

private func pow10(_ x: Double) -> Double { Foundation.pow(10, x) }
private func log10(_ x: Double) -> Double { Foundation.log10(x) }
