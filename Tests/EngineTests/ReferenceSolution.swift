// An independent least-squares optimum for tests: normal equations solved in Float80.
import Engine

/// The OLS/ridge optimum by Gaussian elimination with partial pivoting on the normal equations in extended
/// precision; fine for the small, well-conditioned problems the tests use. Returns w then b.
func referenceOptimum(_ data: Dataset, fitIntercept: Bool, l2: Double = 0) -> (weights: [Double], intercept: Double) {
    let n = data.rowCount, d = data.featureCount, m = d + (fitIntercept ? 1 : 0)
    var a = [[Float80]](repeating: [Float80](repeating: 0, count: m + 1), count: m)
    for i in 0..<n {
        var row = (0..<d).map { Float80(data.x[i * d + $0]) }
        if fitIntercept { row.append(1) }
        let y = Float80(data.y[i])
        for j in 0..<m {
            for k in 0..<m { a[j][k] += row[j] * row[k] }
            a[j][m] += row[j] * y
        }
    }
    // Ridge on the weights only, for MSE + α‖w‖²: (AᵀA + nα·D) w = Aᵀy.
    for j in 0..<d { a[j][j] += Float80(n) * Float80(l2) }
    for col in 0..<m {
        let pivot = (col..<m).max { abs(a[$0][col]) < abs(a[$1][col]) }!
        a.swapAt(col, pivot)
        for r in 0..<m where r != col {
            let f = a[r][col] / a[col][col]
            for c in col...m { a[r][c] -= f * a[col][c] }
        }
    }
    let solution = (0..<m).map { Double(a[$0][m] / a[$0][$0]) }
    return (Array(solution[0..<d]), fitIntercept ? solution[d] : 0)
}

/// MSE of a model in data units, in Float80 for reference values.
func referenceLoss(_ data: Dataset, weights: [Double], intercept: Double) -> Double {
    let d = data.featureCount
    var sum: Float80 = 0
    for i in 0..<data.rowCount {
        var r = Float80(intercept) - Float80(data.y[i])
        for j in 0..<d { r += Float80(data.x[i * d + j]) * Float80(weights[j]) }
        sum += r * r
    }
    return Double(sum / Float80(data.rowCount))
}

/// A small well-conditioned problem with `d` features.
func wellConditioned(rows: Int = 200, features d: Int = 3, seed: UInt64 = 7) throws -> Dataset {
    try BuiltinDataset.synthetic.make(SyntheticParameters(rows: rows, features: d, noise: 0.5), seed: seed)
}
