// The largest stable learning rate of full-batch GD, 2/λmax of the Hessian, and its condition number.
import LeastSquares

/// λmax of the MSE Hessian H = (2/n)·AᵀA (+2α on the weights, not the intercept) for the design GD runs on.
/// The Gram matrix costs one pass over the rows; after that any L2 penalty is a cheap power iteration on
/// a (d+1)×(d+1) matrix.
public struct StabilityBound: Sendable {
    private let gram: [Double]
    private let size: Int
    private let rowCount: Int
    private let hasIntercept: Bool

    public init(design: DesignMatrix, fitIntercept: Bool) {
        gram = design.gram(withOnes: fitIntercept)
        size = design.columnCount + (fitIntercept ? 1 : 0)
        rowCount = design.rowCount
        hasIntercept = fitIntercept
    }

    /// κ of the design GD runs on, √(λmax/λmin) of AᵀA (+ nα on the weights with an L2 penalty α): the
    /// Hessian's condition number is κ², and GD needs on the order of κ² steps. nil when LAPACK fails.
    /// With another loss scaling (J = k·MSE + α‖w‖²) the Hessian is k times the MSE one with penalty α/k.
    public func conditionNumber(l2: Double = 0, loss: LossScaling) -> Double? {
        conditionNumber(l2: l2 / loss.multipleOfMSE(rows: rowCount))
    }

    public func conditionNumber(l2: Double = 0) -> Double? {
        var g = gram
        let penalised = hasIntercept ? size - 1 : size
        for j in 0..<penalised { g[j * size + j] += Double(rowCount) * l2 }
        return GramSpectrum(gram: g, order: size)?.conditionNumber
    }

    /// 2/λmax(H): GD converges for learning rates below this.
    public func largestStableLearningRate(l2: Double = 0) -> Double {
        let lambda = largestEigenvalue(l2: l2)
        return lambda > 0 ? 2 / lambda : .infinity
    }

    /// 2/λmax of J = k·MSE + α‖w‖²'s Hessian, k·H_MSE(α/k): the MSE bound for α/k, divided by k (for α = 0
    /// exactly the MSE bound ÷ k).
    public func largestStableLearningRate(l2: Double = 0, loss: LossScaling) -> Double {
        if loss == .mse { return largestStableLearningRate(l2: l2) }
        let k = loss.multipleOfMSE(rows: rowCount)
        return largestStableLearningRate(l2: l2 / k) / k
    }

    /// λmax of the Hessian with penalty α.
    public func largestEigenvalue(l2: Double) -> Double {
        let m = size
        guard m > 0 else { return 0 }
        var h = gram.map { 2 * $0 / Double(rowCount) }
        let penalised = hasIntercept ? m - 1 : m
        for j in 0..<penalised { h[j * m + j] += 2 * l2 }
        // A fixed, generic start vector: never orthogonal to the top eigenvector in practice.
        var random = SeededGenerator(seed: 0x57AB1E)
        var v = (0..<m).map { _ in 0.5 + random.nextUnit() }
        var lambda = 0.0
        var next = [Double](repeating: 0, count: m)
        for _ in 0..<2000 {
            var norm = 0.0
            for j in 0..<m { norm += v[j] * v[j] }
            norm = norm.squareRoot()
            guard norm > 0, norm.isFinite else { return lambda }
            for j in 0..<m { v[j] /= norm }
            for j in 0..<m {
                var sum = 0.0
                for k in 0..<m { sum += h[j * m + k] * v[k] }
                next[j] = sum
            }
            var rayleigh = 0.0
            for j in 0..<m { rayleigh += v[j] * next[j] }
            let converged = abs(rayleigh - lambda) <= 1e-13 * abs(rayleigh)
            lambda = rayleigh
            swap(&v, &next)
            if converged { break }
        }
        return lambda
    }
}
