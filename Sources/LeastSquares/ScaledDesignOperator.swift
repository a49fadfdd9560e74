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

    /// Calls `body(i, row)` with row i of the centred design (unscaled, Float80), constant columns exactly 0.
    @inline(__always)
    func forEachCentredRow(in rows: Range<Int>, _ body: (Int, UnsafeMutablePointer<Float80>) -> Void) {
        let d = columnCount
        // A constant column is shifted by its own value so that it becomes exactly zero.
        let shifts = (0..<d).map { scaling.isConstant[$0] ? Float80.nan : centering.columnMeans[$0] }
        shifts.withUnsafeBufferPointer { shift in
            design.forEachRow(in: rows) { i, row in
                for j in 0..<d { row[j] = shift[j].isNaN ? 0 : row[j] - shift[j] }
                body(i, row)
            }
        }
    }

    /// ỹ = [y − ȳ; 0] rounded to Double: the first refinement residual, when s = 0 and z = 0.
    func centredTarget() -> [Double] {
        design.target.map { Double(Float80($0) - centering.targetMean) }
            + [Double](repeating: 0, count: rowCount - dataRowCount)
    }

    /// The data rows `rows` of A, rounded to Double, column-major (leading dimension rows.count).
    func block(rows: Range<Int>) -> [Double] {
        let d = columnCount, height = rows.count
        var out = [Double](repeating: 0, count: height * d)
        // Centre in Float80, then round and scale in Double: one rounding of a reciprocal is harmless
        // (refinement works from the exact data) and saves an x87 division per entry.
        let reciprocals = scaling.scales.map { Double(1 / $0) }
        out.withUnsafeMutableBufferPointer { out in
            forEachCentredRow(in: rows) { i, row in
                let offset = i - rows.lowerBound
                for j in 0..<d { out[j * height + offset] = Double(row[j]) * reciprocals[j] }
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
        let exactProducts = n * d <= Self.exactProductLimit
        let parts = try partition.map { _, rows -> ([Double], [Float80]) in
            var f = [Double](repeating: 0, count: rows.count)
            var gSums = [Float80](repeating: 0, count: d)
            let mean = centering.targetMean
            w.withUnsafeBufferPointer { w in
                s.withUnsafeBufferPointer { s in
                    design.target.withUnsafeBufferPointer { y in
                        forEachCentredRow(in: rows) { i, row in
                            var fitted: Float80 = 0
                            for j in 0..<d { fitted += row[j] * w[j] }
                            let si = s[i]
                            f[i - rows.lowerBound] = Double(Float80(y[i]) - mean - si - fitted)
                            if !exactProducts { for j in 0..<d { gSums[j] += row[j] * si } }
                        }
                    }
                }
            }
            if exactProducts { gSums = exactTransposeProduct(s, rows: rows) }
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

    /// Problems up to this many entries get Aᵀs from exact products (cheap there, and worth digits).
    static let exactProductLimit = 1 << 20

    /// (X − 1mᵀ)ᵀs over `rows` as Σᵢ xᵢⱼsᵢ − mⱼΣᵢsᵢ with exact products of the raw data (constant columns 0):
    /// the raw xᵢⱼ are exact, unlike their centred Float80 roundings, and Σsᵢ ≈ 0 makes the mean's rounding moot.
    private func exactTransposeProduct(_ s: [Float80], rows: Range<Int>) -> [Float80] {
        let d = columnCount
        var sums = [CompensatedSum](repeating: CompensatedSum(), count: d)
        var total = CompensatedSum()
        design.forEachRow(in: rows) { i, row in
            let si = s[i]
            total.add(si)
            for j in 0..<d { sums[j].addProduct(row[j], si) }
        }
        return (0..<d).map { j in
            scaling.isConstant[j] ? 0 : (sums[j].hi - centering.columnMeans[j] * total.hi) + (sums[j].lo - centering.columnMeans[j] * total.lo)
        }
    }

    /// Σ rᵢ² of the data residuals for coefficients `w` (original units), and Σ(yᵢ − ȳ)² (or Σyᵢ² with
    /// no intercept, the convention for R² of a model through the origin).
    func residualAndTotalSums(w: [Float80], partition: RowPartition) throws -> (rss: Float80, tss: Float80) {
        let d = columnCount
        let parts = try partition.map { _, rows -> (Float80, Float80) in
            var rss: Float80 = 0, tss: Float80 = 0
            let mean = centering.targetMean
            w.withUnsafeBufferPointer { w in
                design.target.withUnsafeBufferPointer { y in
                    forEachCentredRow(in: rows) { i, row in
                        var fitted: Float80 = 0
                        for j in 0..<d { fitted += row[j] * w[j] }
                        let centredTarget = Float80(y[i]) - mean
                        let r = centredTarget - fitted
                        rss += r * r
                        tss += centredTarget * centredTarget
                    }
                }
            }
            return (rss, tss)
        }
        return parts.reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
    }
}
