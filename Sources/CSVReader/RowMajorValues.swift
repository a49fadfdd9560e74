// Row-major Doubles for the rows one CSV reader thread parses, in memory that grows without copying.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rows of `width` Doubles in one malloc'd block. Large blocks are mapped memory that realloc remaps instead of
/// copying, and untouched capacity costs no resident memory, so a generous first guess is cheap. Advised as
/// huge-page memory on Linux: parsing writes every value once, and 2 MB pages fault in 512 times less often.
/// Written by one thread while parsing; read-only afterwards.
final class RowMajorValues: @unchecked Sendable {
    let width: Int
    private(set) var base: UnsafeMutablePointer<Double>
    /// Rows there is room for.
    private(set) var capacity: Int
    /// Rows written so far.
    var rowCount = 0

    init(width: Int, capacity: Int) {
        self.width = max(1, width)
        self.capacity = max(1, capacity)
        base = RowMajorValues.allocate(nil, bytes: self.capacity * self.width * MemoryLayout<Double>.stride)
    }

    deinit { free(base) }

    /// Makes room for at least `rows` rows (doubling at least), keeping those written.
    func reserve(rows: Int) {
        guard rows > capacity else { return }
        capacity = max(rows, 2 * capacity)
        base = RowMajorValues.allocate(base, bytes: capacity * width * MemoryLayout<Double>.stride)
    }

    subscript(row: Int, column: Int) -> Double {
        base[row * width + column]
    }

    private static func allocate(_ old: UnsafeMutablePointer<Double>?, bytes: Int) -> UnsafeMutablePointer<Double> {
        guard let raw = realloc(old, bytes) else { fatalError("out of memory for \(bytes) bytes of CSV values") }
        #if os(Linux)
        // Advice only: without transparent huge pages the memory simply stays on small pages.
        let huge = 2 << 20
        let first = (Int(bitPattern: raw) + huge - 1) & ~(huge - 1), end = (Int(bitPattern: raw) + bytes) & ~(huge - 1)
        if end > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) { _ = madvise(aligned, end - first, MADV_HUGEPAGE) }
        #endif
        return raw.assumingMemoryBound(to: Double.self)
    }
}
