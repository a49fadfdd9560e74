// What the screen says when training diverged: one short line on the loss chart, the full account beside the controls.
import Engine
import Plot

/// The divergence in two sizes: `line` for one row above the chart (the rate, the rule's bound, the keys), and
/// `detail` for the Controls panel's free rows (the engine's account, then the rule if the account lacks it).
/// The chart keeps every row but the one line, so the loss running away stays in view.
struct DivergenceBanner {
    var message: String
    /// The stability rule for the rate that was in use (η against the update rule's bound).
    var explanation: DivergenceExplanation?

    static let heading = "DIVERGED"
    static let hint = "r: reset   -: lower the rate"

    /// "lr 0.5 > 2/λmax = 0.25", or nil when the bound is unknown or the rate is under it (momentum, Adam, SGD).
    private var rule: String? {
        guard let explanation, explanation.largestStableLearningRate.isFinite, explanation.largestStableLearningRate > 0
        else { return nil }
        return explanation.overBoundText
    }

    /// The one row over the chart: the longest of these that fits `width` cells.
    func line(width: Int) -> String {
        let rule = self.rule.map { ": " + $0 } ?? ""
        let candidates = [
            Self.heading + rule + " · " + Self.hint, Self.heading + rule + " · r: reset", Self.heading + rule,
            Self.heading + " · " + Self.hint, Self.heading + " · r: reset", Self.heading,
        ]
        return candidates.first { $0.count <= width } ?? String(Self.heading.prefix(max(0, width)))
    }

    /// The full account in lines of `width` cells, at most `maxLines` (the last ends in "…" when cut). The rule's
    /// text follows the engine's message only when the message does not already name a bound: said once.
    func detail(width: Int, maxLines: Int) -> [String] {
        guard width > 1, maxLines > 0 else { return [] }
        var text = message
        if let explanation, !message.contains("λmax"), explanation.largestStableLearningRate.isFinite {
            text += " · " + explanation.text
        }
        let lines = Self.wrap(text, width: width)
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        let last = kept[maxLines - 1]
        kept[maxLines - 1] = (last.count < width ? last : String(last.prefix(width - 1))) + "…"
        return kept
    }

    /// Writes `line(width:)` in the error style across `area`'s first row, the heading in bold.
    func renderLine(into buffer: inout Buffer, area: Rect) {
        guard area.width > 2, area.height >= 1 else { return }
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: Cell(" ", role: .error))
        let text = line(width: area.width - 2)
        buffer.write(text, x: area.x + 1, y: area.y, role: .error, clip: area)
        buffer.write(String(text.prefix(Self.heading.count)), x: area.x + 1, y: area.y, role: .error, attributes: [.bold], clip: area)
    }

    /// Splits `text` into lines of at most `width` characters at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        wrap(words: text.split(separator: " ").map(String.init), width: width)
    }

    /// Fills lines of at most `width` characters with `words` in order, a space between two on a line.
    static func wrap(words: [String], width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = [], current = ""
        for word in words {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

extension TrainerState {
    /// The divergence note for the current snapshot (nil unless it diverged).
    var divergence: DivergenceBanner? {
        guard status == .diverged else { return nil }
        return DivergenceBanner(message: snapshot.message ?? "the loss grew without bound", explanation: snapshot.divergenceExplanation)
    }
}
