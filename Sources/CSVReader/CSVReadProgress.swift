// How far a CSV read has got (bytes and rows so far), for a loading line; updated by the reader threads.
import Locking

/// Counters a read updates after each chunk, from any of its threads, and a screen reads at any time.
public final class CSVReadProgress: Sendable {
    private let counts = Locked((bytes: 0, rows: 0, total: 0))

    public init() {}

    /// Bytes of the file read, its size, and rows parsed so far.
    public var current: (bytesRead: Int, totalBytes: Int, rows: Int) {
        counts.withLock { ($0.bytes, $0.total, $0.rows) }
    }

    /// A read of a file of `totalBytes` begins (again, when a split read is redone in one piece).
    func start(totalBytes: Int) {
        counts.withLock { $0 = (0, 0, totalBytes) }
    }

    /// One more chunk is parsed.
    func add(bytes more: Int, rows moreRows: Int) {
        counts.withLock {
            $0.bytes += more
            $0.rows += moreRows
        }
    }
}
