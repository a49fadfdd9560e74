// Moments of the design and target from the augmented Gram matrix: centred (with an intercept) or raw.

/// XᵀX, Xᵀy and yᵀy about the means (with an intercept) or about zero, recovered in Float80 from the Gram
/// matrix of the shifted rows [x − s, 1, y − t], whose ones column holds the shifted sums.
struct CentredMoments {
    let columnCount: Int
    let rowCount: Int
    /// d × d, column-major.
    let gram: [Double]
    let crossProducts: [Double]
    /// Σ(y − ȳ)² with an intercept, Σy² without (the R² convention for a model through the origin).
    let targetSquares: Double
    /// Column means and the target mean (zero without an intercept).
    let means: [Double]
    let targetMean: Double
    /// Σxⱼ² per column: how much centring cancels.
    let uncentredSquares: [Double]
    /// Whether the moments are about the means (an intercept is fitted).
    let isCentred: Bool
    /// The uncentred augmented Gram matrix [X 1 y]ᵀ[X 1 y], (d + 2)², for the textbook system.
    private let raw: [Float80]

    init(_ augmented: AugmentedGram, centred: Bool) {
        let d = augmented.columnCount, m = d + 2, ones = d, target = d + 1
        let e = augmented.entries.map { Float80($0) }, s = augmented.shift.map { Float80($0) }
        let n = e[ones * m + ones]
        // Σcⱼcₖ with c = a + s: e[j,k] + sⱼ·e[1,k] + sₖ·e[j,1] + sⱼsₖ·n.
        var raw = [Float80](repeating: 0, count: m * m)
        for j in 0..<m {
            for k in 0..<m {
                raw[k * m + j] = e[k * m + j] + s[j] * e[k * m + ones] + s[k] * e[ones * m + j] + s[j] * s[k] * n
            }
        }
        // About the mean: e[j,k] − e[j,1]·e[1,k]/n (independent of the shift).
        func about(_ j: Int, _ k: Int) -> Float80 {
            centred ? e[k * m + j] - e[ones * m + j] * e[k * m + ones] / n : raw[k * m + j]
        }
        columnCount = d
        rowCount = Int(n)
        isCentred = centred
        gram = (0..<(d * d)).map { Double(about($0 % d, $0 / d)) }
        crossProducts = (0..<d).map { Double(about($0, target)) }
        targetSquares = Double(about(target, target))
        means = (0..<d).map { centred ? Double(s[$0] + e[ones * m + $0] / n) : 0 }
        targetMean = centred ? Double(s[target] + e[ones * m + target] / n) : 0
        uncentredSquares = (0..<d).map { Double(raw[$0 * m + $0]) }
        self.raw = raw
    }

    /// RSS at w from the moments, yyc − 2wᵀXcᵀyc + wᵀGcw, and the size of its terms (for its rounding).
    func residualSumOfSquares(_ w: [Double]) -> (value: Double, size: Double) {
        let d = columnCount
        var cross: Float80 = 0, quadratic: Float80 = 0
        for j in 0..<d {
            cross += Float80(w[j]) * Float80(crossProducts[j])
            var row: Float80 = 0
            for k in 0..<d { row += Float80(gram[k * d + j]) * Float80(w[k]) }
            quadratic += Float80(w[j]) * row
        }
        let yy = Float80(targetSquares)
        return (Double(yy - 2 * cross + quadratic), Double(yy + 2 * abs(cross) + abs(quadratic)))
    }

    /// [XᵀX Σx; Σxᵀ n] (+ α on the weights) and [Xᵀy; Σy], column-major, intercept last when `centred`:
    /// the system a learner writes down, for the textbook answer and the GD stability bound.
    func textbookSystem(ridge alpha: Double) -> (matrix: [Double], rhs: [Double], order: Int) {
        let d = columnCount, m = d + 2, target = d + 1
        let order = d + (isCentred ? 1 : 0)  // the ones column follows the d design columns
        var matrix = [Double](repeating: 0, count: order * order)
        var rhs = [Double](repeating: 0, count: order)
        for k in 0..<order {
            for j in 0..<order { matrix[k * order + j] = Double(raw[k * m + j]) }
            rhs[k] = Double(raw[target * m + k])
        }
        for j in 0..<d { matrix[j * order + j] += alpha }
        return (matrix, rhs, order)
    }
}
