// Column scales: each centred column is divided by its Euclidean norm before factorization.

/// Scales that give every (centred) column unit norm, so κ reflects the problem rather than its units.
struct ColumnScaling: Sendable {
    /// cⱼ = ‖xⱼ − mⱼ‖₂, or 1 for a column that is constant (zero after centring).
    let scales: [Float80]
    /// Columns that are identically zero after centring; the solver treats them as exact zeros.
    let isConstant: [Bool]

    init(design: ExtendedDesign, centering: Centering, partition: RowPartition) throws {
        let d = design.columnCount
        let means = centering.columnMeans
        // Sum of squares and the largest magnitude per column: a column is constant when its spread is
        // at rounding level of its size (a Float80 mean of equal values can miss by an ulp).
        let partials = try partition.map { _, rows -> [Float80] in
            var stats = [Float80](repeating: 0, count: 2 * d)
            let row = UnsafeMutablePointer<Float80>.allocate(capacity: max(1, d))
            defer { row.deallocate() }
            for i in rows {
                design.fill(row: i, into: row)
                for j in 0..<d {
                    let centred = row[j] - means[j]
                    stats[j] += centred * centred
                    stats[d + j] = max(stats[d + j], abs(row[j]))
                }
            }
            return stats
        }
        var sumSquares = [Float80](repeating: 0, count: d)
        var largest = [Float80](repeating: 0, count: d)
        for part in partials {
            for j in 0..<d {
                sumSquares[j] += part[j]
                largest[j] = max(largest[j], part[d + j])
            }
        }
        var scales = [Float80](repeating: 1, count: d)
        var isConstant = [Bool](repeating: false, count: d)
        let n = Float80(design.rowCount)
        for j in 0..<d {
            let norm = sumSquares[j].squareRoot()
            if norm <= largest[j] * n.squareRoot() * 1e-17 {
                isConstant[j] = true
            } else {
                scales[j] = norm
            }
        }
        self.scales = scales
        self.isConstant = isConstant
    }
}
