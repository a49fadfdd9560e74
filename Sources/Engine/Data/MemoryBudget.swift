// How much memory a data set and its solvers would take, checked against the machine before anything is allocated.
import Foundation
import MessageText

/// Sizes are refused before allocating, in one line that says how much would be needed and what the limit is,
/// rather than ending in SIGABRT (`--rows 4294967297`) or an 80 GB allocation (a CSV of 100,000 columns).
/// The limit is the machine's physical memory.
public enum MemoryBudget {
    /// Physical memory in bytes (sysconf), or +∞ when it cannot be read.
    public static var limitBytes: Double {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        return pages > 0 && size > 0 ? Double(pages) * Double(size) : .infinity
    }

    /// Bytes to hold n rows × d features and train on them: X and y, the design's ones column, and the stability
    /// bound's work (the Gram of the smaller side, min(n, d+1)², and for wide data a copy of the n × (d+1) design).
    public static func trainingBytes(rows n: Int, features d: Int) -> Double {
        let n = Double(n), m = Double(d) + 1
        return 8 * (n * (m + 1) + min(n, m) * min(n, m) + (n < m ? n * m : 0))
    }

    /// Bytes the closed form takes on top of the data: the QR copy of the n × (d+1) design and a few (d+1)² matrices
    /// (Gram, SVD factors, refinement).
    public static func closedFormBytes(rows n: Int, features d: Int) -> Double {
        let n = Double(n), m = Double(d) + 1
        return 8 * (2 * n * m + 4 * m * m)
    }

    /// nil when `bytes` fit, else "would need 68.7 GB of memory, more than this machine's 23.4 GB".
    public static func problem(bytes: Double, limit: Double = limitBytes) -> String? {
        guard !(bytes <= limit) else { return nil }
        return "would need \(NumberText.bytes(bytes)) of memory, more than this machine's \(NumberText.bytes(limit))"
    }

    /// "4294967297 rows × 1 feature" (the words of the messages).
    public static func shape(rows: Int, features: Int) -> String {
        "\(rows) rows × \(features) feature\(features == 1 ? "" : "s")"
    }
}
