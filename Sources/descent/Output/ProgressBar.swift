// A progress bar on stderr for long `fit` runs, shown only on a terminal and only after a second.
import Foundation

/// Draws `[#####.....] 45%  step 4500/10000` on stderr, redrawn at most 10 times a second.
struct ProgressBar {
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var shown = false
    private let enabled = isatty(STDERR_FILENO) == 1

    /// Updates the bar with `done` of `total` steps (total nil: unknown).
    mutating func update(done: Int, total: Int?) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        shown = true
        var line = "\r"
        if let total, total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            let filled = Int(fraction * 30)
            line += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled) + "] "
            line += "\(Int(fraction * 100))%  step \(done)/\(total)"
        } else {
            line += "step \(done)"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Erases the bar if it was drawn.
    func finish() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
