// The problem's design and target as exact data, read back in Float80 one row at a time.

/// The design exactly as given (or, for polynomials, with powers formed in Float80), row by row.
struct ExtendedDesign: Sendable {
    enum Storage: Sendable {
        case matrix([Double])
        case polynomial(base: [Double], baseCount: Int, degree: Int)
    }

    let rowCount: Int
    let columnCount: Int
    let storage: Storage
    let target: [Double]

    init(_ problem: LeastSquaresProblem) {
        rowCount = problem.rowCount
        columnCount = problem.columnCount
        target = problem.target
        switch problem.columns {
        case .matrix(let values): storage = .matrix(values)
        case .polynomial(let base, let baseCount, let degree):
            storage = .polynomial(base: base, baseCount: baseCount, degree: degree)
        }
    }

    /// Writes row `i` (uncentred) into `row[0..<columnCount]`; powers are formed by Float80 products.
    @inline(__always)
    func fill(row i: Int, into row: UnsafeMutablePointer<Float80>) {
        switch storage {
        case .matrix(let values):
            values.withUnsafeBufferPointer { v in
                let start = i * columnCount
                for j in 0..<columnCount { row[j] = Float80(v[start + j]) }
            }
        case .polynomial(let base, let baseCount, let degree):
            for feature in 0..<baseCount {
                let x = Float80(base[i * baseCount + feature])
                var power: Float80 = 1
                for k in 0..<degree {
                    power *= x
                    row[feature * degree + k] = power
                }
            }
        }
    }

    /// Calls `body(i, row)` for each row i in `rows`, with the row (uncentred) in Float80; the storage is
    /// unwrapped once per call, not once per row, because this is the solver's innermost loop.
    @inline(__always)
    func forEachRow(in rows: Range<Int>, _ body: (Int, UnsafeMutablePointer<Float80>) -> Void) {
        let d = columnCount
        let row = UnsafeMutablePointer<Float80>.allocate(capacity: max(1, d))
        defer { row.deallocate() }
        switch storage {
        case .matrix(let values):
            values.withUnsafeBufferPointer { v in
                for i in rows {
                    let start = v.baseAddress! + i * d
                    for j in 0..<d { row[j] = Float80(start[j]) }
                    body(i, row)
                }
            }
        case .polynomial:
            for i in rows {
                fill(row: i, into: row)
                body(i, row)
            }
        }
    }

    /// The design as the textbook and gradient descent see it: row-major Doubles (powers rounded).
    func roundedMatrix() -> [Double] {
        switch storage {
        case .matrix(let values): return values
        case .polynomial:
            var out = [Double](repeating: 0, count: rowCount * columnCount)
            let row = UnsafeMutablePointer<Float80>.allocate(capacity: max(1, columnCount))
            defer { row.deallocate() }
            for i in 0..<rowCount {
                fill(row: i, into: row)
                for j in 0..<columnCount { out[i * columnCount + j] = Double(row[j]) }
            }
            return out
        }
    }
}
