// The centred, scaled, ridge-augmented design A as an exact operator (Float80) and as Double blocks.

/// A = [(X − 1mᵀ)C⁻¹; √α·C⁻¹] with target ỹ = [y − ȳ; 0], the problem the factorization works on.
///
/// Unknowns are z = C·w. The Double blocks feed LAPACK; the Float80 products give the residuals that
/// iterative refinement needs, computed from the exact data rather than from the rounded blocks.
struct ScaledDesignOperator: Sendable {
    let design: ExtendedDesign
    let centering: Centering
    let scaling: ColumnScaling
    /// √α (0 without ridge).
    let ridgeRoot: Float80

    var dataRowCount: Int { design.rowCount }
    var columnCount: Int { design.columnCount }
    var hasRidgeRows: Bool { ridgeRoot > 0 }
    /// Rows of A: the data rows, then d ridge rows when α > 0.
    var rowCount: Int { dataRowCount + (hasRidgeRows ? columnCount : 0) }

    /// Row `i` of the centred design (unscaled), constant columns exactly zero.
    @inline(__always)
    func fillCentred(row i: Int, into row: UnsafeMutablePointer<Float80>) {
        design.fill(row: i, into: row)
        for j in 0..<columnCount {
            row[j] = scaling.isConstant[j] ? 0 : row[j] - centering.columnMeans[j]
        }
    }

    /// The data rows `rows` of A, rounded to Double, column-major (leading dimension rows.count).
    func block(rows: Range<Int>) -> [Double] {
        let d = columnCount, height = rows.count
        var out = [Double](repeating: 0, count: height * d)
        let row = UnsafeMutablePointer<Float80>.allocate(capacity: max(1, d))
        defer { row.deallocate() }
        out.withUnsafeMutableBufferPointer { out in
            for (offset, i) in rows.enumerated() {
                fillCentred(row: i, into: row)
                for j in 0..<d { out[j * height + offset] = Double(row[j] / scaling.scales[j]) }
            }
        }
        return out
    }

    /// Diagonal of the ridge rows √α/cⱼ.
    var ridgeDiagonal: [Double] { scaling.scales.map { Double(ridgeRoot / $0) } }

    /// Refinement residuals of the augmented system [I A; Aᵀ 0][s; z] = [ỹ; 0]:
    /// f = ỹ − s − A·z (m entries) and g = −Aᵀ·s (d entries), accumulated in Float80.
    func refinementResiduals(z: [Float80], s: [Float80], partition: RowPartition) throws
        -> (f: [Double], g: [Double])
    {
        let d = columnCount, n = dataRowCount
        let w = (0..<d).map { z[$0] / scaling.scales[$0] }
        let parts = try partition.map { _, rows -> ([Double], [Float80]) in
            var f = [Double](repeating: 0, count: rows.count)
            var gSums = [Float80](repeating: 0, count: d)
            let row = UnsafeMutablePointer<Float80>.allocate(capacity: max(1, d))
            defer { row.deallocate() }
            for (offset, i) in rows.enumerated() {
                fillCentred(row: i, into: row)
                var fitted: Float80 = 0
                for j in 0..<d { fitted += row[j] * w[j] }
                let si = s[i]
                f[offset] = Double(Float80(design.target[i]) - centering.targetMean - si - fitted)
                for j in 0..<d { gSums[j] += row[j] * si }
            }
            return (f, gSums)
        }
        var f = [Double]()
        f.reserveCapacity(rowCount)
        var gSums = [Float80](repeating: 0, count: d)
        for (part, sums) in parts {
            f += part
            for j in 0..<d { gSums[j] += sums[j] }
        }
        var g = (0..<d).map { -gSums[$0] / scaling.scales[$0] }
        if hasRidgeRows {
            for j in 0..<d {
                let entry = ridgeRoot / scaling.scales[j]
                f.append(Double(-s[n + j] - entry * z[j]))
                g[j] -= entry * s[n + j]
            }
        }
        return (f, g.map { Double($0) })
    }

    /// Σ rᵢ² of the data residuals for coefficients `w` (original units), and Σ(yᵢ − ȳ)² (or Σyᵢ² with
    /// no intercept, the convention for R² of a model through the origin).
    func residualAndTotalSums(w: [Float80], partition: RowPartition) throws -> (rss: Float80, tss: Float80) {
        let d = columnCount
        let parts = try partition.map { _, rows -> (Float80, Float80) in
            var rss: Float80 = 0, tss: Float80 = 0
            let row = UnsafeMutablePointer<Float80>.allocate(capacity: max(1, d))
            defer { row.deallocate() }
            for i in rows {
                fillCentred(row: i, into: row)
                var fitted: Float80 = 0
                for j in 0..<d { fitted += row[j] * w[j] }
                let centredTarget = Float80(design.target[i]) - centering.targetMean
                let r = centredTarget - fitted
                rss += r * r
                tss += centredTarget * centredTarget
            }
            return (rss, tss)
        }
        return parts.reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
    }
}
