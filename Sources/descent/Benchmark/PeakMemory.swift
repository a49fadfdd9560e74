// The process's peak resident memory, read from /proc/self/status.
import Foundation

/// VmHWM ("high water mark") of the current process: the most resident memory it has used so far.
enum PeakMemory {
    /// Peak resident set size in megabytes (10⁶ bytes); nil where /proc is not available.
    static func megabytes() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let kilobytes = Double(fields[1]) else { return nil }
            return kilobytes * 1024 / 1e6
        }
        return nil
    }
}
