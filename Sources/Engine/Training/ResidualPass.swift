// One residual pass's inputs as raw pointers, run by the C kernel on one or two threads.
import CKernels
import Foundation

/// The pointers and settings of one pass over a design, shared read-only by its two chunks. Work of at least
/// `DesignMatrix.parallelThreshold` multiply-adds is split at the middle row: the first chunk writes into the
/// caller's gradient, the second into scratch, and the two are added in that order, so the bits do not depend on
/// thread timing.
struct ResidualPass: @unchecked Sendable {
    let level: descent_vector_level
    let x: UnsafePointer<Double>
    let y: UnsafePointer<Double>
    let columnCount: Int
    /// Per-column shift and inverse scale applied as values are read (both nil: the values as stored).
    let shift: UnsafePointer<Double>?
    let inverseScale: UnsafePointer<Double>?
    let w: UnsafePointer<Double>
    let intercept: Double

    /// Σr² over `count` rows (rows `indices[0..<count]`, or the first `count` rows when nil); writes Σ r·x and Σ r
    /// to `gradient[0...d]`.
    func run(indices: UnsafePointer<Int>?, count: Int, gradient: UnsafeMutablePointer<Double>) -> Double {
        let d = columnCount
        guard count * d >= DesignMatrix.parallelThreshold else {
            return descent_residual_pass_at_level(level, x, y, d, shift, inverseScale, indices, 0, count, w, intercept, gradient)
        }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: d + 3) { scratch in
            let second = SharedPointers(gradient: scratch.baseAddress!, sums: scratch.baseAddress! + d + 1)
            let first = SharedPointers(gradient: gradient, sums: second.sums)
            let rows = IndexPointer(indices)
            let half = count / 2
            DispatchQueue.concurrentPerform(iterations: 2) { chunk in
                let into = chunk == 0 ? first : second
                into.sums[chunk] = descent_residual_pass_at_level(
                    level, x, y, d, shift, inverseScale, rows.pointer, chunk == 0 ? 0 : half, chunk == 0 ? half : count, w, intercept,
                    into.gradient)
            }
            for j in 0...d { gradient[j] += scratch[j] }
            return second.sums[0] + second.sums[1]
        }
    }

    /// Σr² over the first `count` rows, split and summed as `run` splits and sums it.
    func squaredResiduals(count: Int) -> Double {
        let d = columnCount
        guard count * d >= DesignMatrix.parallelThreshold else {
            return descent_squared_residuals_at_level(level, x, y, d, shift, inverseScale, 0, count, w, intercept)
        }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2) { scratch in
            let sums = SharedPointers(gradient: scratch.baseAddress!, sums: scratch.baseAddress!)
            let half = count / 2
            DispatchQueue.concurrentPerform(iterations: 2) { chunk in
                sums.sums[chunk] = descent_squared_residuals_at_level(
                    level, x, y, d, shift, inverseScale, chunk == 0 ? 0 : half, chunk == 0 ? half : count, w, intercept)
            }
            return scratch[0] + scratch[1]
        }
    }

    /// Starts fetching the given rows into cache.
    func prefetch(rows: UnsafeBufferPointer<Int>) {
        guard let base = rows.baseAddress else { return }
        descent_prefetch_rows(x, y, columnCount, base, rows.count)
    }
}

/// Where one chunk writes; each chunk writes only its own gradient and its own slot of `sums`.
private struct SharedPointers: @unchecked Sendable {
    let gradient: UnsafeMutablePointer<Double>
    let sums: UnsafeMutablePointer<Double>
}

/// Row indices read by both chunks.
private struct IndexPointer: @unchecked Sendable {
    let pointer: UnsafePointer<Int>?
    init(_ pointer: UnsafePointer<Int>?) { self.pointer = pointer }
}
