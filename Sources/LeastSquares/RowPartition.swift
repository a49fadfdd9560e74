// Splits the rows into contiguous parts that threads process independently, and runs work over them.
import Dispatch
import Locking

import Foundation
/// Contiguous row ranges, one per worker; small problems get a single part.
struct RowPartition: Sendable {
    let ranges: [Range<Int>]

    /// Rows per part never fall below `minimumRows` (the QR of each part must be tall).
    init(rowCount: Int, minimumRows: Int, workers: Int = RowPartition.workerCount) {
        let smallest = max(minimumRows, 65_536)
        let parts = max(1, min(workers, rowCount / max(1, smallest)))
        ranges = (0..<parts).map { p in (rowCount * p / parts)..<(rowCount * (p + 1) / parts) }
    }

    static var workerCount: Int {
        max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Runs `body` once per part, in parallel, and returns the results in part order.
    func map<T: Sendable>(_ body: @Sendable (Int, Range<Int>) throws -> T) throws -> [T] {
        if ranges.count == 1 { return [try body(0, ranges[0])] }
        let results = Locked([Result<T, any Error>?](repeating: nil, count: ranges.count))
        let ranges = self.ranges
        DispatchQueue.concurrentPerform(iterations: ranges.count) { p in
            let result = Result { try body(p, ranges[p]) }
            results.withLock { $0[p] = result }
        }
        return try results.withLock { $0 }.map { try $0!.get() }
    }
}
