// The Gram matrix AᵀA of A = [X 1] (or X) in Double, for the textbook answer and GD stability.

/// G = AᵀA for A = X with a trailing column of ones when an intercept is fitted (column-major, full).
struct GramMatrix {
    let order: Int
    var entries: [Double]

    /// `design` is row-major n × d. One pass of the solver's Gram kernel (unshifted: the textbook system is
    /// the plain XᵀX); nil only when the kernel cannot get its scratch memory.
    init?(rowCount n: Int, design: [Double], fitIntercept: Bool) {
        let d = n == 0 ? 0 : design.count / n
        let p = d + (fitIntercept ? 1 : 0)
        order = p
        var g = [Double](repeating: 0, count: p * p)
        if n > 0 {
            guard let gram = try? AugmentedGram(
                matrix: design, target: [], rowCount: n, partition: RowPartition(rowCount: n, minimumRows: 1), shifted: false)
            else { return nil }
            // The augmented order is d + 2 with the ones column at d: its leading p × p block is AᵀA.
            let m = gram.order
            for j in 0..<p { for k in 0..<p { g[j * p + k] = gram.entries[j * m + k] } }
        }
        entries = g
    }

    /// Adds `amount` to the diagonal entries of the d coefficient columns (never the intercept's).
    mutating func addToCoefficientDiagonal(_ amount: Double, coefficientCount d: Int) {
        for j in 0..<d { entries[j * order + j] += amount }
    }
}
