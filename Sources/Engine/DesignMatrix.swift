// The rows GD runs on, and the fused passes over them that give loss and gradient together.
import Foundation

/// Row-major n × d features (already scaled if standardization is on) and the target. The passes split
/// large work across two threads with a fixed chunking and a fixed reduction order, so the results are
/// bit-identical from run to run.
public struct DesignMatrix: Sendable {
    public let x: [Double]
    public let y: [Double]
    public let rowCount: Int
    public let columnCount: Int

    /// Work (rows × columns) above which a pass is split across two threads.
    static let parallelThreshold = 1 << 17

    public init(x: [Double], y: [Double], columnCount: Int) {
        precondition(x.count == y.count * columnCount)
        self.x = x
        self.y = y
        self.rowCount = y.count
        self.columnCount = columnCount
    }

    /// One pass over the given rows (all rows when `rows` is nil): returns Σr² and adds Σ r·xᵢ to
    /// `gradient[0..<d]` and Σ r to `gradient[d]`, r = x·w + b − y, at `parameters` = w then b.
    /// `gradient` (d + 1 entries) is overwritten. The caller scales by 2/|rows|.
    public func residualPass(
        parameters: [Double], intercept: Double, rows: ArraySlice<Int>? = nil, gradient: inout [Double]
    ) -> Double {
        let count = rows?.count ?? rowCount
        let d = columnCount
        precondition(gradient.count == d + 1 && parameters.count >= d)
        let split = count * d >= DesignMatrix.parallelThreshold ? 2 : 1
        let boundary = count / 2
        // One chunk accumulates straight into `gradient` (no allocation on the small, frequent steps);
        // two chunks get their own partial sums, added in a fixed order.
        var partials = [Double](repeating: 0, count: split == 1 ? 0 : 2 * (d + 1))
        var sum0 = 0.0, sum1 = 0.0
        for j in 0...d { gradient[j] = 0 }
        x.withUnsafeBufferPointer { xb in
            y.withUnsafeBufferPointer { yb in
                parameters.withUnsafeBufferPointer { wb in
                    gradient.withUnsafeMutableBufferPointer { gb in
                        partials.withUnsafeMutableBufferPointer { pb in
                            withUnsafeMutablePointer(to: &sum0) { s0 in
                                withUnsafeMutablePointer(to: &sum1) { s1 in
                                    let pass = PassPointers(
                                        x: xb.baseAddress!, y: yb.baseAddress!, w: wb.baseAddress!,
                                        partials: split == 1 ? gb.baseAddress! : pb.baseAddress!, sums: s0, sums1: s1)
                                    @Sendable func run(_ chunk: Int, _ indices: SendablePointer?) {
                                        let range = split == 1 ? 0..<count : (chunk == 0 ? 0..<boundary : boundary..<count)
                                        let sse = DesignMatrix.accumulate(
                                            pass, d: d, rows: range, indices: indices?.pointer, intercept: intercept,
                                            gradient: pass.partials + chunk * (d + 1))
                                        if chunk == 0 { pass.sums.pointee = sse } else { pass.sums1.pointee = sse }
                                    }
                                    func runAll(_ indices: SendablePointer?) {
                                        if split == 1 {
                                            run(0, indices)
                                        } else {
                                            DispatchQueue.concurrentPerform(iterations: 2) { run($0, indices) }
                                        }
                                    }
                                    if let rows {
                                        rows.withUnsafeBufferPointer { runAll(SendablePointer($0.baseAddress!)) }
                                    } else {
                                        runAll(nil)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if split == 2 { for j in 0...d { gradient[j] = partials[j] + partials[d + 1 + j] } }
        return split == 1 ? sum0 : sum0 + sum1
    }

    /// Σr² over all rows at the given parameters (no gradient).
    public func sumOfSquaredResiduals(parameters: [Double], intercept: Double) -> Double {
        let d = columnCount, n = rowCount
        let split = n * d >= DesignMatrix.parallelThreshold ? 2 : 1
        var sums = [Double](repeating: 0, count: split)
        x.withUnsafeBufferPointer { xb in
            y.withUnsafeBufferPointer { yb in
                parameters.withUnsafeBufferPointer { wb in
                    sums.withUnsafeMutableBufferPointer { sb in
                        let pass = PassPointers(
                            x: xb.baseAddress!, y: yb.baseAddress!, w: wb.baseAddress!, partials: nil, sums: sb.baseAddress!,
                            sums1: sb.baseAddress! + (split - 1))
                        @Sendable func run(_ chunk: Int) {
                            let range = split == 1 ? 0..<n : (chunk == 0 ? 0..<n / 2 : n / 2..<n)
                            var sse = 0.0
                            for i in range {
                                let r = DesignMatrix.prediction(pass.x + i * d, pass.w, d) + intercept - pass.y[i]
                                sse += r * r
                            }
                            pass.sums[chunk] = sse
                        }
                        if split == 1 { run(0) } else { DispatchQueue.concurrentPerform(iterations: 2) { run($0) } }
                    }
                }
            }
        }
        return split == 1 ? sums[0] : sums[0] + sums[1]
    }

    /// AᵀA for A = [X 1] (the ones column last, included only when `withOnes`), as a dense symmetric matrix.
    public func gram(withOnes: Bool) -> [Double] {
        let d = columnCount, m = d + (withOnes ? 1 : 0), n = rowCount
        var g = [Double](repeating: 0, count: m * m)
        x.withUnsafeBufferPointer { xb in
            g.withUnsafeMutableBufferPointer { gb in
                var row = [Double](repeating: 1, count: m)
                for i in 0..<n {
                    for j in 0..<d { row[j] = xb[i * d + j] }
                    for j in 0..<m {
                        let value = row[j]
                        for k in j..<m { gb[j * m + k] += value * row[k] }
                    }
                }
                for j in 0..<m { for k in 0..<j { gb[j * m + k] = gb[k * m + j] } }
            }
        }
        return g
    }

    /// x·w with four accumulators (a fixed order, so the same inputs give the same bits).
    @inline(__always)
    static func prediction(_ row: UnsafePointer<Double>, _ w: UnsafePointer<Double>, _ d: Int) -> Double {
        var a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0
        var j = 0
        while j + 4 <= d {
            a0 += row[j] * w[j]
            a1 += row[j + 1] * w[j + 1]
            a2 += row[j + 2] * w[j + 2]
            a3 += row[j + 3] * w[j + 3]
            j += 4
        }
        while j < d {
            a0 += row[j] * w[j]
            j += 1
        }
        return (a0 + a1) + (a2 + a3)
    }

    /// The fused loop: for each row, r = x·w + b − y; Σr² and g += r·x.
    @inline(__always)
    static func accumulate(
        _ pass: PassPointers, d: Int, rows: Range<Int>, indices: UnsafePointer<Int>?, intercept: Double,
        gradient g: UnsafeMutablePointer<Double>
    ) -> Double {
        var sse = 0.0, residualSum = 0.0
        for k in rows {
            let i = indices?[k] ?? k
            let row = pass.x + i * d
            let r = prediction(row, pass.w, d) + intercept - pass.y[i]
            sse += r * r
            residualSum += r
            for j in 0..<d { g[j] += r * row[j] }
        }
        g[d] += residualSum
        return sse
    }
}

/// Raw pointers for one pass, shared by its two chunks; each chunk writes only its own slots.
struct PassPointers: @unchecked Sendable {
    let x: UnsafePointer<Double>
    let y: UnsafePointer<Double>
    let w: UnsafePointer<Double>
    let partials: UnsafeMutablePointer<Double>!
    let sums: UnsafeMutablePointer<Double>
    let sums1: UnsafeMutablePointer<Double>
}

/// A read-only pointer handed to the chunks of a pass.
struct SendablePointer: @unchecked Sendable {
    let pointer: UnsafePointer<Int>
    init(_ pointer: UnsafePointer<Int>) { self.pointer = pointer }
}
