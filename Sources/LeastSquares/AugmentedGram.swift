// The Gram matrix of the rows [x − s, 1, y − t] in one two-thread pass: XᵀX, Σx, Xᵀy, Σy and Σy² together.

/// AᵀA for A = [X − 1sᵀ, 1, y − t], where s and t are the means of the first rows: shifting by a nearby
/// point keeps centring from cancelling digits when data sit far from zero, and the ones and target columns
/// give the column sums, Xᵀy and the target's moments from the same pass that forms XᵀX.
///
/// The kernel is plain Swift on SIMD2 lanes (the baseline x86-64 target has no AVX): four rows at a time
/// update the upper triangle, so each accumulator is loaded once per four rows. Rows are summed in blocks, and
/// the two halves of the rows are added in a fixed order, so the result is the same on every run.
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
    static let blockRows = 1024
    /// Rows whose mean gives the shift.
    static let shiftRows = 1024

    /// `shifted: false` forms the plain [X 1 y]ᵀ[X 1 y]; an empty `y` leaves the target column zero.
    init(matrix x: [Double], target y: [Double], rowCount n: Int, partition: RowPartition, shifted: Bool = true) throws {
        let d = x.count / n, m = d + 2, p = (m + 1) & ~1
        rowCount = n
        columnCount = d
        var shift = [Double](repeating: 0, count: p)
        let sample = shifted ? min(n, AugmentedGram.shiftRows) : 0
        for i in 0..<sample {
            for j in 0..<d { shift[j] += x[i * d + j] }
            if !y.isEmpty { shift[d + 1] += y[i] }
        }
        if sample > 0 { for j in 0..<p { shift[j] /= Double(sample) } }
        shift[d] = 0
        let offsets = shift
        let parts = try partition.map { _, rows -> [Double] in
            var total = [Double](repeating: 0, count: m * p)
            x.withUnsafeBufferPointer { xb in
                y.withUnsafeBufferPointer { yb in
                    offsets.withUnsafeBufferPointer { sb in
                        total.withUnsafeMutableBufferPointer { tb in
                            AugmentedGram.accumulate(
                                rows: rows, x: xb.baseAddress!, y: yb.isEmpty ? nil : yb.baseAddress!, columns: d, shift: sb.baseAddress!,
                                into: tb.baseAddress!)
                        }
                    }
                }
            }
            return total
        }
        var full = [Double](repeating: 0, count: m * m)
        for j in 0..<m {
            for k in j..<m {
                var sum = 0.0
                for part in parts { sum += part[j * p + k] }
                full[j * m + k] = sum
                full[k * m + j] = sum
            }
        }
        entries = full
        self.shift = Array(shift[0..<m])
    }

    /// Adds the upper triangle of Σ aᵢaᵢᵀ over `rows` into `total` (rows of stride p = order rounded up to even).
    private static func accumulate(
        rows: Range<Int>, x: UnsafePointer<Double>, y: UnsafePointer<Double>?, columns d: Int,
        shift: UnsafePointer<Double>, into total: UnsafeMutablePointer<Double>
    ) {
        let m = d + 2, p = (m + 1) & ~1
        let four = UnsafeMutablePointer<Double>.allocate(capacity: 4 * p)
        let block = UnsafeMutablePointer<Double>.allocate(capacity: m * p)
        defer {
            four.deallocate()
            block.deallocate()
        }
        four.initialize(repeating: 0, count: 4 * p)
        var i = rows.lowerBound
        while i < rows.upperBound {
            let blockEnd = min(i + blockRows, rows.upperBound)
            block.initialize(repeating: 0, count: m * p)
            while i < blockEnd {
                let count = min(4, blockEnd - i)
                for r in 0..<4 {
                    let a = four + r * p
                    if r < count {
                        let row = x + (i + r) * d
                        for j in 0..<d { a[j] = row[j] - shift[j] }
                        a[d] = 1
                        a[d + 1] = y.map { $0[i + r] - shift[d + 1] } ?? 0
                    } else {
                        for j in 0..<m { a[j] = 0 }
                    }
                }
                rankFourUpdate(four, block, m: m, p: p)
                i += count
            }
            for k in 0..<(m * p) { total[k] += block[k] }
        }
    }

    /// block[j][k…k+1] += Σᵣ aᵣ[j]·aᵣ[k…k+1] for the upper triangle (k from j rounded down to even).
    @inline(__always)
    private static func rankFourUpdate(_ a: UnsafeMutablePointer<Double>, _ block: UnsafeMutablePointer<Double>, m: Int, p: Int) {
        let a0 = UnsafeRawPointer(a), a1 = UnsafeRawPointer(a + p), a2 = UnsafeRawPointer(a + 2 * p), a3 = UnsafeRawPointer(a + 3 * p)
        for j in 0..<m {
            let b0 = SIMD2<Double>(repeating: a[j]), b1 = SIMD2<Double>(repeating: a[p + j])
            let b2 = SIMD2<Double>(repeating: a[2 * p + j]), b3 = SIMD2<Double>(repeating: a[3 * p + j])
            let row = UnsafeMutableRawPointer(block + j * p)
            var k = j & ~1
            while k < p {
                let offset = k * MemoryLayout<Double>.stride
                var g = row.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
                let first = b0 * a0.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
                    + b1 * a1.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
                let second = b2 * a2.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
                    + b3 * a3.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
                g += first + second
                row.storeBytes(of: g, toByteOffset: offset, as: SIMD2<Double>.self)
                k += 2
            }
        }
    }
}
