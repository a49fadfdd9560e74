// The memory limit: a plain two-thread read of the same bytes as the feature matrix.
import CKernels
import Dispatch
import Foundation
import Locking

/// Sums every value of an array on two threads, touching each byte once, the least work a pass over X can do.
enum MemoryReadBenchmark {
    /// The sum of `values`, half per thread; the result is returned so the reads cannot be optimised away.
    static func sum(_ values: [Double]) -> Double {
        // The two threads' sums; each writes its own slot.
        let partials = Locked([0.0, 0.0])
        values.withUnsafeBufferPointer { buffer in
            let base = ReadPointer(buffer.baseAddress!), count = buffer.count
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                let start = part == 0 ? 0 : count / 2, end = part == 0 ? count / 2 : count
                let sum = sumRange(base.pointer + start, end - start)
                partials.withLock { $0[part] = sum }
            }
        }
        return partials.withLock { $0[0] + $0[1] }
    }

    /// Eight independent accumulators, so the loop is limited by loads, not by the latency of additions. Lines
    /// 4 KB ahead are prefetched as the training passes prefetch them: on this machine's virtual CPUs a plain
    /// sequential read of the 256 MB took 1.2–1.45× as long as a prefetching one (a C test in one process), and the
    /// limit is the best read, not a plain one.
    private static func sumRange(_ p: UnsafePointer<Double>, _ count: Int) -> Double {
        var a = SIMD8<Double>(repeating: 0)
        var i = 0
        let ahead = 4096 / MemoryLayout<Double>.stride
        while i + 8 <= count {
            if i + ahead < count { descent_prefetch(p + i + ahead) }
            a += UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Double>.self)
            i += 8
        }
        var tail = a.sum()
        while i < count { tail += p[i]; i += 1 }
        return tail
    }
}

/// A read-only pointer shared by the two reading threads.
private struct ReadPointer: @unchecked Sendable {
    let pointer: UnsafePointer<Double>
    init(_ pointer: UnsafePointer<Double>) { self.pointer = pointer }
}
