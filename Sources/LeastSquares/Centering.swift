// Column and target means in Float80: with an intercept the solver works on the centred design.

/// Means of the design columns and the target (zero when no intercept is fitted, so nothing is centred).
struct Centering: Sendable {
    let columnMeans: [Float80]
    let targetMean: Float80
    /// Whether an intercept is fitted (otherwise all means are zero).
    let isActive: Bool

    init(design: ExtendedDesign, fitIntercept: Bool, partition: RowPartition) throws {
        let d = design.columnCount
        isActive = fitIntercept
        guard fitIntercept else {
            columnMeans = Array(repeating: 0, count: d)
            targetMean = 0
            return
        }
        let partials = try partition.map { _, rows -> [Float80] in
            var sums = [Float80](repeating: 0, count: d + 1)
            let row = UnsafeMutablePointer<Float80>.allocate(capacity: max(1, d))
            defer { row.deallocate() }
            for i in rows {
                design.fill(row: i, into: row)
                for j in 0..<d { sums[j] += row[j] }
                sums[d] += Float80(design.target[i])
            }
            return sums
        }
        var sums = [Float80](repeating: 0, count: d + 1)
        for part in partials { for j in 0...d { sums[j] += part[j] } }
        let n = Float80(design.rowCount)
        columnMeans = (0..<d).map { sums[$0] / n }
        targetMean = sums[d] / n
    }
}
