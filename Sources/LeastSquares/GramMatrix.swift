// The Gram matrix AᵀA of A = [X 1] (or X) in Double, via BLAS dsyrk, for the textbook answer and GD stability.
import CLapack

/// G = AᵀA for A = X with a trailing column of ones when an intercept is fitted (column-major, full).
struct GramMatrix {
    let order: Int
    var entries: [Double]

    /// `design` is row-major n × d.
    init(rowCount n: Int, design: [Double], fitIntercept: Bool) {
        let d = n == 0 ? 0 : design.count / n
        let p = d + (fitIntercept ? 1 : 0)
        order = p
        var g = [Double](repeating: 0, count: p * p)
        if d > 0 && n > 0 {
            // Row-major n × d is column-major d × n: XᵀX = Xt·Xtᵀ.
            var gram = [Double](repeating: 0, count: d * d)
            cblas_dsyrk(CblasColMajor, CblasUpper, CblasNoTrans, Int32(d), Int32(n), 1, design, Int32(d), 0, &gram, Int32(d))
            for j in 0..<d {
                for i in 0...j {
                    g[j * p + i] = gram[j * d + i]
                    g[i * p + j] = gram[j * d + i]
                }
            }
        }
        if fitIntercept {
            var sums = [Double](repeating: 0, count: d)
            for i in 0..<n { for j in 0..<d { sums[j] += design[i * d + j] } }
            for j in 0..<d {
                g[d * p + j] = sums[j]
                g[j * p + d] = sums[j]
            }
            g[d * p + d] = Double(n)
        }
        entries = g
    }

    /// Adds `amount` to the diagonal entries of the d coefficient columns (never the intercept's).
    mutating func addToCoefficientDiagonal(_ amount: Double, coefficientCount d: Int) {
        for j in 0..<d { entries[j * order + j] += amount }
    }
}
