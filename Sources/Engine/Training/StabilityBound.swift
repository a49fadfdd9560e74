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
        var spectrum: HessianSpectrum?
        if n >= m {
            spectrum = HessianSpectrum(gram: design.gram(withOnes: fitIntercept), order: m, onesLast: fitIntercept)
        }
        // Wide data, or a Gram whose one pass overflowed on the stored values (1e308 shifted, then squared, before
        // the inverse scales bring it back): the design as GD reads it, copied once.
        if !(spectrum?.isFinite ?? false) {
            var rows = [Double](repeating: 1, count: n * m)
            for i in 0..<n {
                for j in 0..<d { rows[i * m + j] = design.value(row: i, column: j) }
            }
            spectrum = HessianSpectrum(rowMajorDesign: rows, rows: n, columns: m, onesLast: fitIntercept)
        }
        self.spectrum = spectrum!
    }

    /// κ of the design GD runs on, √(λmax/λmin) of AᵀA (+ nα on the weights with an L2 penalty α): the
    /// Hessian's condition number is κ², and GD needs on the order of κ² steps. nil when LAPACK fails.
    /// With another loss scaling (J = k·MSE + α‖w‖²) the Hessian is k times the MSE one with penalty α/k.
    public func conditionNumber(l2: Double = 0, loss: LossScaling) -> Double? {
        conditionNumber(l2: l2 / loss.multipleOfMSE(rows: rowCount))
    }

    public func conditionNumber(l2: Double = 0) -> Double? {
        spectrum.conditionNumber(penalty: Double(rowCount) * l2)
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

    /// λmax of the Hessian with penalty α: +∞ when the design's values overflow it (raw 1e308: no positive rate is
    /// stable), 0 without rows.
    public func largestEigenvalue(l2: Double) -> Double {
        guard rowCount > 0 else { return 0 }
        guard spectrum.isFinite, let lambda = spectrum.largestEigenvalue(penalty: Double(rowCount) * l2) else { return .infinity }
        return 2 * lambda / Double(rowCount)
    }
}
