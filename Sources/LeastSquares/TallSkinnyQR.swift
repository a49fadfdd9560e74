// Tall-skinny QR: each row part factored on its own thread (LAPACK dgeqr), the stacked R's factored again.

/// A = Q·R for the centred, scaled design, with Q kept implicit as a two-level tree of reflectors.
///
/// Level one: each row part i has Aᵢ = Qᵢ·Rᵢ (dgeqr, blocked for tall matrices). Level two: the stack
/// [R₁; …; R_P; ridge diagonal] = Q₀·R (dgeqrf). Only R and the reflectors are stored: one pass over the rows.
struct TallSkinnyQR: Sendable {
    struct Part: Sendable {
        let rows: Range<Int>
        let reflectors: [Double]
        let t: [Double]
        /// Rows of Rᵢ: min(rows, d).
        var triangleRows: Int
    }

    let columnCount: Int
    let partition: RowPartition
    let parts: [Part]
    let ridgeDiagonal: [Double]?
    let stackRows: Int
    let stack: [Double]
    let tau: [Double]
    /// R (d × d, upper triangular, column-major).
    let r: [Double]
    /// R of the data rows alone (k × d, k = min(n, d)): its singular values are the design's.
    let dataR: [Double]
    let dataRRows: Int

    init(design: ScaledDesignOperator, partition: RowPartition) throws {
        let d = design.columnCount
        columnCount = d
        self.partition = partition
        parts = try partition.map { _, rows -> Part in
            var block = design.block(rows: rows)
            let t = try block.withUnsafeMutableBufferPointer {
                try LapackCall.tallSkinnyQR(rows: rows.count, columns: d, $0.baseAddress!)
            }
            return Part(rows: rows, reflectors: block, t: t, triangleRows: min(rows.count, d))
        }
        ridgeDiagonal = design.hasRidgeRows ? design.ridgeDiagonal : nil

        // The stack of upper-triangular factors (and the ridge diagonal), factored once more.
        let dataStackRows = parts.reduce(0) { $0 + $1.triangleRows }
        let rows = dataStackRows + (ridgeDiagonal == nil ? 0 : d)
        var stack = [Double](repeating: 0, count: rows * d)
        var offset = 0
        for part in parts {
            Self.copyTriangle(part, into: &stack, stackRows: rows, at: offset, columns: d)
            offset += part.triangleRows
        }
        if let diagonal = ridgeDiagonal {
            for j in 0..<d { stack[j * rows + offset + j] = diagonal[j] }
        }
        stackRows = rows

        if parts.count == 1 {
            dataRRows = parts[0].triangleRows
            dataR = Self.upperRows(of: stack, stackRows: rows, count: dataRRows, columns: d)
        } else {
            var dataStack = [Double](repeating: 0, count: dataStackRows * d)
            for j in 0..<d {
                for i in 0..<dataStackRows { dataStack[j * dataStackRows + i] = stack[j * rows + i] }
            }
            _ = try LapackCall.householderQR(rows: dataStackRows, columns: d, &dataStack)
            dataRRows = min(dataStackRows, d)
            dataR = Self.upperRows(of: dataStack, stackRows: dataStackRows, count: dataRRows, columns: d)
        }

        tau = try LapackCall.householderQR(rows: rows, columns: d, &stack)
        self.stack = stack
        r = Self.upperRows(of: stack, stackRows: rows, count: d, columns: d)
    }

    /// The first d entries of Qᵀ·f (f has the m rows of A): the coordinates of f in the range of A.
    func coordinates(of f: [Double]) throws -> [Double] {
        let d = columnCount
        let parts = self.parts
        let heads = try partition.map { p, rows -> [Double] in
            var c = Array(f[rows])
            try c.withUnsafeMutableBufferPointer { c in
                try LapackCall.applyQ(
                    rows: rows.count, columns: d, parts[p].reflectors, parts[p].t, transposed: true, c.baseAddress!)
            }
            return Array(c[0..<parts[p].triangleRows])
        }
        var stacked = heads.flatMap { $0 }
        if ridgeDiagonal != nil { stacked += f[(f.count - d)...] }
        try LapackCall.applyHouseholderQ(rows: stackRows, columns: d, stack, tau, transposed: true, &stacked)
        return Array(stacked[0..<d])
    }

    /// Q·[v; 0]: the m-vector of A's range with coordinates v.
    func expand(_ v: [Double]) throws -> [Double] {
        let d = columnCount
        var stacked = v + [Double](repeating: 0, count: stackRows - d)
        try LapackCall.applyHouseholderQ(rows: stackRows, columns: d, stack, tau, transposed: false, &stacked)
        var offsets = [Int]()
        var offset = 0
        for part in parts {
            offsets.append(offset)
            offset += part.triangleRows
        }
        let parts = self.parts, segments = stacked, partOffsets = offsets
        let pieces = try partition.map { p, rows -> [Double] in
            var c = [Double](repeating: 0, count: rows.count)
            for i in 0..<parts[p].triangleRows { c[i] = segments[partOffsets[p] + i] }
            try c.withUnsafeMutableBufferPointer { c in
                try LapackCall.applyQ(
                    rows: rows.count, columns: d, parts[p].reflectors, parts[p].t, transposed: false, c.baseAddress!)
            }
            return c
        }
        var out = pieces.flatMap { $0 }
        if ridgeDiagonal != nil { out += stacked[offset..<(offset + d)] }
        return out
    }

    private static func copyTriangle(_ part: Part, into stack: inout [Double], stackRows: Int, at offset: Int, columns d: Int) {
        let height = part.rows.count
        for j in 0..<d {
            for i in 0..<min(j + 1, part.triangleRows) {
                stack[j * stackRows + offset + i] = part.reflectors[j * height + i]
            }
        }
    }

    /// The upper-triangular (trapezoidal) first `count` rows of a factored column-major matrix.
    private static func upperRows(of a: [Double], stackRows: Int, count: Int, columns d: Int) -> [Double] {
        var out = [Double](repeating: 0, count: count * d)
        for j in 0..<d {
            for i in 0..<min(j + 1, count) { out[j * count + i] = a[j * stackRows + i] }
        }
        return out
    }
}
