// The largest stable learning rate of full-batch GD, 2/λmax of the Hessian, and its condition number.
import LeastSquares

/// λmax of the MSE Hessian H = (2/n)·AᵀA (+2α on the weights, not the intercept) for the design GD runs on, by
/// LAPACK (`HessianSpectrum`): from the (d+1) × (d+1) Gram for tall data, from the n × n Gram of the rows when
/// n < d+1 (wide data: 1,000 × 5,000 is a 1,000 × 1,000 problem).
public struct StabilityBound: Sendable {
    private let spectrum: HessianSpectrum
    private let rowCount: Int

    public init(design: DesignMatrix, fitIntercept: Bool) {
        let n = design.rowCount, d = design.columnCount
        let m = d + (fitIntercept ? 1 : 0)
        rowCount = n
        if n < m {
            var rows = [Double](repeating: 1, count: n * m)
            for i in 0..<n {
                for j in 0..<d { rows[i * m + j] = design.value(row: i, column: j) }
            }
            spectrum = HessianSpectrum(rowMajorDesign: rows, rows: n, columns: m, onesLast: fitIntercept)
        } else {
            spectrum = HessianSpectrum(gram: design.gram(withOnes: fitIntercept), order: m, onesLast: fitIntercept)
        }
    }

    /// κ of the design GD runs on, √(λmax/λmin) of AᵀA (+ nα on the weights with an L2 penalty α): the
    /// Hessian's condition number is κ², and GD needs on the order of κ² steps. nil when LAPACK fails.
    public func conditionNumber(l2: Double = 0) -> Double? {
        spectrum.conditionNumber(penalty: Double(rowCount) * l2)
    }

    /// 2/λmax(H): GD converges for learning rates below this.
    public func largestStableLearningRate(l2: Double = 0) -> Double {
        let lambda = largestEigenvalue(l2: l2)
        return lambda > 0 ? 2 / lambda : .infinity
    }

    /// λmax of the Hessian with penalty α (0 when it cannot be computed).
    public func largestEigenvalue(l2: Double) -> Double {
        guard rowCount > 0, let lambda = spectrum.largestEigenvalue(penalty: Double(rowCount) * l2) else { return 0 }
        return 2 * lambda / Double(rowCount)
    }
}
