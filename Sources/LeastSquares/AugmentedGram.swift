// The Gram matrix of the rows [x − s, 1, y − t] in one two-thread pass: XᵀX, Σx, Xᵀy, Σy and Σy² together.

import CKernels

/// AᵀA for A = [X − 1sᵀ, 1, y − t], where s and t are the means of the first rows: shifting by a nearby
/// point keeps centring from cancelling digits when data sit far from zero, and the ones and target columns
/// give the column sums, Xᵀy and the target's moments from the same pass that forms XᵀX.
///
/// The kernel is C (`descent_gram_at_level`), compiled for baseline, AVX2+FMA and AVX-512+FMA and chosen at
/// run time: it packs 64 shifted rows at a time and streams them past up to 12 vector accumulators of the upper
/// triangle. Rows are summed in blocks, and the parts of the row partition are added in a fixed order, so the
/// result is the same on every run at a given vector level.
struct AugmentedGram: Sendable {
    let rowCount: Int
    /// d, the design's columns; the matrix has order d + 2 (the ones column at d, the target at d + 1).
    let columnCount: Int
    /// (d + 2) × (d + 2), symmetric, both triangles filled.
    let entries: [Double]
    /// s then 0 then t: what was subtracted from each column.
    let shift: [Double]

    var order: Int { columnCount + 2 }

    /// Rows summed into a block's accumulators before joining the running total.
    static let blockRows = Int(DESCENT_GRAM_BLOCK_ROWS)
    /// Rows whose mean gives the shift.
    static let shiftRows = 1024

    /// `shifted: false` forms the plain [X 1 y]ᵀ[X 1 y]; an empty `y` leaves the target column zero.
    /// `columnShift` (d entries), when given, is the s subtracted from X instead of the first rows' means (the
    /// target's shift still follows `shifted`). `level` is for tests, which compare the kernel's variants; it
    /// must be one the CPU supports.
    init(
        matrix x: [Double], target y: [Double], rowCount n: Int, partition: RowPartition, shifted: Bool = true,
        columnShift: [Double]? = nil, level: descent_vector_level = descent_vector_level_current()
    ) throws {
        let d = x.count / n, m = d + 2
        rowCount = n
        columnCount = d
        var shift = [Double](repeating: 0, count: m)
        let sample = shifted ? min(n, AugmentedGram.shiftRows) : 0
        for i in 0..<sample {
            for j in 0..<d { shift[j] += x[i * d + j] }
            if !y.isEmpty { shift[d + 1] += y[i] }
        }
        if sample > 0 { for j in 0..<m { shift[j] /= Double(sample) } }
        if let columnShift {
            precondition(columnShift.count == d)
            for j in 0..<d { shift[j] = columnShift[j] }
        }
        shift[d] = 0
        let offsets = shift
        let parts = try partition.map { _, rows -> [Double] in
            var part = [Double](repeating: 0, count: m * m)
            let status = x.withUnsafeBufferPointer { xb in
                y.withUnsafeBufferPointer { yb in
                    offsets.withUnsafeBufferPointer { sb in
                        part.withUnsafeMutableBufferPointer { pb in
                            // An empty array's base address may be non-nil: no target is passed as nil.
                            let first = xb.baseAddress.map { $0 + rows.lowerBound * d }
                            let targets = yb.isEmpty ? nil : yb.baseAddress! + rows.lowerBound
                            return descent_gram_at_level(level, first, targets, rows.count, d, sb.baseAddress!, pb.baseAddress!)
                        }
                    }
                }
            }
            guard status == 0 else {
                throw LeastSquaresError.invalidProblem("no memory for the Gram matrix's scratch space")
            }
            return part
        }
        var full = parts[0]
        for part in parts.dropFirst() { for e in 0..<(m * m) { full[e] += part[e] } }
        entries = full
        self.shift = shift
    }
}
