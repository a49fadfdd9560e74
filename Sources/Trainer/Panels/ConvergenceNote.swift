// The note shown with the loss chart when the engine stopped the run because the loss settled.
import Engine
import Plot

/// `CONVERGED: <the engine's message> · Space runs on`, on rows of its own between the legend and the chart, so
/// it never hides the curve: wrapped in full where the chart can spare the rows, one short line on small screens.
struct ConvergenceNote {
    /// The engine's reason (which tolerance, at which step).
    var message: String?
    /// The step the run stopped at, for the short form.
    var step: Int
    /// The word the note starts with: CONVERGED, or OSCILLATING for a rate at its stability bound.
    var title = ConvergenceNote.heading
    /// What to do next.
    var next = "Space runs on"

    static let heading = "CONVERGED"

    /// The note for a run that stopped itself with `status` (converged or oscillating), nil for any other.
    static func note(for status: TrainingStatus, message: String?, step: Int) -> ConvergenceNote? {
        switch status {
        case .converged: return ConvergenceNote(message: message, step: step)
        case .oscillating: return ConvergenceNote(message: message, step: step, title: "OSCILLATING", next: "-: lower the rate")
        default: return nil
        }
    }

    /// Rows the note may take from a chart `chartHeight` rows tall: none when the chart is tiny (the title bar
    /// still says CONVERGED), one on an 80×24 screen, up to three where the chart keeps a dozen rows or more.
    static func rowBudget(chartHeight: Int) -> Int {
        if chartHeight < 6 { return 0 }
        return chartHeight < 15 ? 1 : 3
    }

    /// The note in at most `maxLines` lines of `width` cells: the engine's full message where it fits, else
    /// the step, else just the word and the key.
    func lines(width: Int, maxLines: Int) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        let full = Self.wrap(title + ": " + (message ?? "the loss settled") + " · " + next, width: width)
        if full.count <= maxLines, full.allSatisfy({ $0.count <= width }) { return full }
        let short = [
            "\(title) at step \(step) · \(next)", "\(title) step \(step) · \(next)", "\(title) · \(next)", title,
        ]
        return short.first { $0.count <= width }.map { [$0] } ?? []
    }

    /// Splits `text` at spaces into lines of at most `width` characters, never between "step" and its number.
    static func wrap(_ text: String, width: Int) -> [String] {
        var words: [String] = []
        for word in text.split(separator: " ").map(String.init) {
            if words.last == "step", word.first?.isNumber == true {
                words[words.count - 1] += " " + word
            } else {
                words.append(word)
            }
        }
        return DivergenceBanner.wrap(words: words, width: width)
    }

    /// Writes `lines` from the top of `area`, one cell in from its left edge, the heading in bold.
    func render(_ lines: [String], into buffer: inout Buffer, area: Rect) {
        for (offset, line) in lines.enumerated() where offset < area.height {
            buffer.write(line, x: area.x + 1, y: area.y + offset, role: .legend, clip: area)
        }
        if !lines.isEmpty {
            buffer.write(title, x: area.x + 1, y: area.y, role: .legend, attributes: [.bold], clip: area)
        }
    }
}
