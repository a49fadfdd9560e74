// The rows GD runs on, and the fused passes over them that give loss and gradient together.
import CKernels
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
    /// `gradient` (d + 1 entries) is overwritten. The caller scales by 2/|rows|. `lookahead` names rows that
    /// later passes will use: they are prefetched first, so that their cache misses overlap with this pass.
    public func residualPass(
        parameters: [Double], intercept: Double, rows: ArraySlice<Int>? = nil, lookahead: ArraySlice<Int> = [],
        gradient: inout [Double]
    ) -> Double {
        if !lookahead.isEmpty {
            x.withUnsafeBufferPointer { xb in
                y.withUnsafeBufferPointer { yb in
                    for i in lookahead { DesignMatrix.prefetch(row: i, xb.baseAddress!, yb.baseAddress!, columnCount) }
                }
            }
        }
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
        ClosedFormSolver.gramMatrix(rowCount: rowCount, design: x, withOnes: withOnes)
    }

    /// x·w on two-lane vectors, four lanes at a time, in a fixed order (the same inputs give the same bits).
    @inline(__always)
    static func prediction(_ row: UnsafePointer<Double>, _ w: UnsafePointer<Double>, _ d: Int) -> Double {
        let x = UnsafeRawPointer(row), v = UnsafeRawPointer(w)
        let lane = MemoryLayout<SIMD2<Double>>.stride
        var a0 = SIMD2<Double>(), a1 = SIMD2<Double>()
        var j = 0
        while j + 4 <= d {
            let offset = j * MemoryLayout<Double>.stride
            a0 += x.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
                * v.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
            a1 += x.loadUnaligned(fromByteOffset: offset + lane, as: SIMD2<Double>.self)
                * v.loadUnaligned(fromByteOffset: offset + lane, as: SIMD2<Double>.self)
            j += 4
        }
        var tail = 0.0
        while j < d {
            tail += row[j] * w[j]
            j += 1
        }
        let sum = a0 + a1
        return (sum[0] + sum[1]) + tail
    }

    /// g += r·x on two-lane vectors.
    @inline(__always)
    static func addScaled(_ r: Double, _ row: UnsafePointer<Double>, to g: UnsafeMutablePointer<Double>, _ d: Int) {
        let x = UnsafeRawPointer(row), out = UnsafeMutableRawPointer(g)
        let scale = SIMD2<Double>(repeating: r)
        var j = 0
        while j + 2 <= d {
            let offset = j * MemoryLayout<Double>.stride
            let sum = out.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
                + scale * x.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
            out.storeBytes(of: sum, toByteOffset: offset, as: SIMD2<Double>.self)
            j += 2
        }
        if j < d { g[j] += r * row[j] }
    }

    /// x₀·w and x₁·w for two rows at once (sharing the loads of w), each summed exactly as `prediction` sums.
    @inline(__always)
    static func predictions(
        _ row0: UnsafePointer<Double>, _ row1: UnsafePointer<Double>, _ w: UnsafePointer<Double>, _ d: Int
    ) -> (Double, Double) {
        let x0 = UnsafeRawPointer(row0), x1 = UnsafeRawPointer(row1), v = UnsafeRawPointer(w)
        let lane = MemoryLayout<SIMD2<Double>>.stride
        var a0 = SIMD2<Double>(), a1 = SIMD2<Double>(), b0 = SIMD2<Double>(), b1 = SIMD2<Double>()
        var j = 0
        while j + 4 <= d {
            let offset = j * MemoryLayout<Double>.stride
            let w0 = v.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
            let w1 = v.loadUnaligned(fromByteOffset: offset + lane, as: SIMD2<Double>.self)
            a0 += x0.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self) * w0
            a1 += x0.loadUnaligned(fromByteOffset: offset + lane, as: SIMD2<Double>.self) * w1
            b0 += x1.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self) * w0
            b1 += x1.loadUnaligned(fromByteOffset: offset + lane, as: SIMD2<Double>.self) * w1
            j += 4
        }
        var tail0 = 0.0, tail1 = 0.0
        while j < d {
            tail0 += row0[j] * w[j]
            tail1 += row1[j] * w[j]
            j += 1
        }
        let sum0 = a0 + a1, sum1 = b0 + b1
        return ((sum0[0] + sum0[1]) + tail0, (sum1[0] + sum1[1]) + tail1)
    }

    /// g += r₀·x₀ + r₁·x₁: one load and store of g for two rows.
    @inline(__always)
    static func addScaled(
        _ r0: Double, _ row0: UnsafePointer<Double>, _ r1: Double, _ row1: UnsafePointer<Double>,
        to g: UnsafeMutablePointer<Double>, _ d: Int
    ) {
        let x0 = UnsafeRawPointer(row0), x1 = UnsafeRawPointer(row1), out = UnsafeMutableRawPointer(g)
        let s0 = SIMD2<Double>(repeating: r0), s1 = SIMD2<Double>(repeating: r1)
        var j = 0
        while j + 2 <= d {
            let offset = j * MemoryLayout<Double>.stride
            let sum = out.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
                + (s0 * x0.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
                    + s1 * x1.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self))
            out.storeBytes(of: sum, toByteOffset: offset, as: SIMD2<Double>.self)
            j += 2
        }
        if j < d { g[j] += r0 * row0[j] + r1 * row1[j] }
    }

    /// The fused loop: for each row, r = x·w + b − y; Σr² and g += r·x, two rows at a time. Drawn rows
    /// (`indices`) are scattered through memory, so the loop prefetches the rows a few positions ahead:
    /// their cache misses then overlap with the work on the current rows instead of following it.
    @inline(__always)
    static func accumulate(
        _ pass: PassPointers, d: Int, rows: Range<Int>, indices: UnsafePointer<Int>?, intercept: Double,
        gradient g: UnsafeMutablePointer<Double>
    ) -> Double {
        var sse = 0.0, residualSum = 0.0
        let ahead = 4, streamAhead = max(8, 2048 / max(1, d))
        if let indices {
            for k in rows.lowerBound..<min(rows.upperBound, rows.lowerBound + ahead) { prefetch(row: indices[k], pass.x, pass.y, d) }
        }
        var k = rows.lowerBound
        while k + 2 <= rows.upperBound {
            let i0 = indices?[k] ?? k, i1 = indices?[k + 1] ?? k + 1
            if let indices {
                if k + ahead < rows.upperBound { prefetch(row: indices[k + ahead], pass.x, pass.y, d) }
                if k + ahead + 1 < rows.upperBound { prefetch(row: indices[k + ahead + 1], pass.x, pass.y, d) }
            } else if k + streamAhead + 2 <= rows.upperBound {
                // Sequential rows: the hardware prefetcher follows, but asking ahead keeps more misses in flight
                // while the core is busy with arithmetic.
                let next = pass.x + (k + streamAhead) * d
                var j = 0
                while j < 2 * d {
                    descent_prefetch(next + j)
                    j += 8
                }
            }
            let row0 = pass.x + i0 * d, row1 = pass.x + i1 * d
            let (p0, p1) = predictions(row0, row1, pass.w, d)
            let r0 = p0 + intercept - pass.y[i0], r1 = p1 + intercept - pass.y[i1]
            sse += r0 * r0
            sse += r1 * r1
            residualSum += r0
            residualSum += r1
            addScaled(r0, row0, r1, row1, to: g, d)
            k += 2
        }
        if k < rows.upperBound {
            let i = indices?[k] ?? k
            let row = pass.x + i * d
            let r = prediction(row, pass.w, d) + intercept - pass.y[i]
            sse += r * r
            residualSum += r
            addScaled(r, row, to: g, d)
        }
        g[d] += residualSum
        return sse
    }

    /// Starts fetching row i of x (every 64-byte line of it) and yᵢ into cache, without waiting for them.
    @inline(__always)
    static func prefetch(row i: Int, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ d: Int) {
        let row = x + i * d
        var j = 0
        while j < d {
            descent_prefetch(row + j)
            j += 8
        }
        descent_prefetch(row + (d - 1))
        descent_prefetch(y + i)
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
