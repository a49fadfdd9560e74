// Independent Float80 reference computations for the tests: centring, Gram matrices, Gaussian elimination.

/// Small, deliberately plain Float80 linear algebra, independent of LAPACK and of the solver's code paths.
enum ReferenceAlgebra {
    /// Solves the square system a·x = b (a row-major) by Gaussian elimination with partial pivoting.
    static func solve(_ a: [[Float80]], _ b: [Float80]) -> [Float80] {
        var a = a, b = b
        let n = b.count
        for col in 0..<n {
            let pivot = (col..<n).max { abs(a[$0][col]) < abs(a[$1][col]) }!
            a.swapAt(col, pivot)
            b.swapAt(col, pivot)
            for row in (col + 1)..<n {
                let factor = a[row][col] / a[col][col]
                for k in col..<n { a[row][k] -= factor * a[col][k] }
                b[row] -= factor * b[col]
            }
        }
        var x = [Float80](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in (row + 1)..<n { sum -= a[row][k] * x[k] }
            x[row] = sum / a[row][row]
        }
        return x
    }

    /// Rows of the design as Float80, centred by column means when `centre` (and the centred target).
    static func centred(_ rows: [[Double]], _ y: [Double], centre: Bool) -> (x: [[Float80]], y: [Float80], means: [Float80], yMean: Float80) {
        let n = Float80(rows.count), d = rows[0].count
        let means = (0..<d).map { j in centre ? rows.reduce(Float80(0)) { $0 + Float80($1[j]) } / n : 0 }
        let yMean = centre ? y.reduce(Float80(0)) { $0 + Float80($1) } / n : 0
        let x = rows.map { row in (0..<d).map { Float80(row[$0]) - means[$0] } }
        return (x, y.map { Float80($0) - yMean }, means, yMean)
    }

    /// (XᵀX + αI)⁻¹Xᵀy for already-centred Float80 data.
    static func ridge(_ x: [[Float80]], _ y: [Float80], alpha: Float80) -> [Float80] {
        let d = x[0].count
        var gram = [[Float80]](repeating: [Float80](repeating: 0, count: d), count: d)
        var rhs = [Float80](repeating: 0, count: d)
        for (row, target) in zip(x, y) {
            for j in 0..<d {
                rhs[j] += row[j] * target
                for k in 0..<d { gram[j][k] += row[j] * row[k] }
            }
        }
        for j in 0..<d { gram[j][j] += alpha }
        return solve(gram, rhs)
    }

    /// Reproducible pseudo-random numbers in [−1, 1) (a 64-bit LCG), so tests do not depend on a seed API.
    struct Numbers {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 52) - 1
        }
    }
}
