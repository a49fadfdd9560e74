// The largest full-batch GD learning rate on MSE that does not diverge: 2/λmax of the Hessian.

extension ClosedFormSolver {
    /// Largest stable learning rate for full-batch GD on MSE for a row-major n × d design.
    ///
    /// The loss (1/n)‖Aθ − y‖² + α‖w‖², with A = [X 1] when `fitIntercept` and θ = (w, b), has the constant
    /// Hessian H = (2/n)·AᵀA + 2α·D, D the identity on w and 0 on b. GD converges iff η < 2/λmax(H).
    /// With α = 0 that is n/σmax(A)². With ridge this computes λmax(AᵀA + nα·D) exactly, so the rate is
    /// n/λmax(AᵀA + nαD); it lies between n/(σmax² + nα) and n/σmax² (equal to the first without intercept).
    /// Returns +∞ for an all-zero design (any step is stable).
    public static func largestStableLearningRate(
        rowCount: Int, design: [Double], fitIntercept: Bool, l2: Double = 0
    ) -> Double {
        guard rowCount > 0 else { return .infinity }
        guard var gram = GramMatrix(rowCount: rowCount, design: design, fitIntercept: fitIntercept), gram.order > 0
        else { return .infinity }
        let d = design.count / rowCount
        if l2 > 0 { gram.addToCoefficientDiagonal(Double(rowCount) * l2, coefficientCount: d) }
        guard let eigenvalues = try? LapackCall.symmetricEigenvalues(order: gram.order, &gram.entries),
            let largest = eigenvalues.last, largest > 0, largest.isFinite
        else { return .infinity }
        return Double(rowCount) / largest
    }

    /// AᵀA for A = [X 1] (the ones column last, only when `withOnes`) of a row-major n × d `design`, as a dense
    /// symmetric matrix: the same two-thread kernel that forms the solver's Gram matrix.
    public static func gramMatrix(rowCount n: Int, design: [Double], withOnes: Bool) -> [Double] {
        let d = n == 0 ? 0 : design.count / n
        let order = d + (withOnes ? 1 : 0)
        guard n > 0, d > 0,
            let gram = try? AugmentedGram(
                matrix: design, target: [], rowCount: n, partition: RowPartition(rowCount: n, minimumRows: 1), shifted: false)
        else { return [Double](repeating: 0, count: order * order) }
        let m = d + 2
        var out = [Double](repeating: 0, count: order * order)
        for j in 0..<order { for k in 0..<order { out[j * order + k] = gram.entries[j * m + k] } }
        return out
    }

    /// AᵀA for A = [Z 1] (the ones column last, only when `withOnes`), Z = (X − 1sᵀ)·diag(v) the columns of the
    /// row-major n × d `design` shifted by `shifts` (s) and multiplied by `inverseScales` (v), without forming Z:
    /// one pass of the Gram kernel over X shifted by s, then entry (j, k) times vⱼ·vₖ and (j, ones) times vⱼ.
    /// Equal to the Gram of a materialized Z up to rounding, not bit for bit (the products are grouped
    /// differently); centring by s first keeps the cancellation of a far-from-zero column out of it.
    public static func gramMatrix(
        rowCount n: Int, design: [Double], withOnes: Bool, shifts: [Double], inverseScales: [Double]
    ) -> [Double] {
        let d = n == 0 ? 0 : design.count / n
        let order = d + (withOnes ? 1 : 0)
        precondition(n == 0 || (shifts.count == d && inverseScales.count == d))
        guard n > 0, d > 0,
            let gram = try? AugmentedGram(
                matrix: design, target: [], rowCount: n, partition: RowPartition(rowCount: n, minimumRows: 1),
                shifted: false, columnShift: shifts)
        else { return [Double](repeating: 0, count: order * order) }
        let m = d + 2
        // The ones column's factor is 1: Σ(xⱼ − sⱼ)·vⱼ and n.
        let factor = (0..<order).map { $0 < d ? inverseScales[$0] : 1 }
        var out = [Double](repeating: 0, count: order * order)
        for j in 0..<order {
            for k in 0..<order { out[j * order + k] = gram.entries[j * m + k] * (factor[j] * factor[k]) }
        }
        return out
    }
}
