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

    /// Resets the high water mark to the current resident size (Linux: "5" to /proc/self/clear_refs), so the
    /// next reading is the peak of what runs after. Returns false where that is not possible.
    @discardableResult
    static func reset() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }
}
