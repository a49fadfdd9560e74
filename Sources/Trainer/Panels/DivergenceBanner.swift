// The warning shown over the loss chart when training diverged and the engine paused itself.
import Engine
import Plot

/// A block in the error style: the rate used, the stable bound and why, then what to do next.
struct DivergenceBanner {
    var message: String
    /// The stability rule for the rate that was in use (η against 2/λmax).
    var explanation: DivergenceExplanation?

    static let heading = "DIVERGED — training paused"
    static let hint = "r: reset   -: lower the rate"

    /// The banner's text in at most `maxLines` lines of `width` cells: the heading, the stability rule, the
    /// engine's detail and what to do. The detail gives way first, then the rule; heading and hint stay.
    func lines(width: Int, maxLines: Int) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        var rule: [String] = []
        // Below the bound, full-batch GD diverges only through momentum or Adam: the rule would not explain it.
        if let explanation, explanation.largestStableLearningRate.isFinite, explanation.largestStableLearningRate > 0,
            explanation.isAboveBound || explanation.method != .gd
        {
            // The rule first: it is what the class should read; the engine's detail follows if there is room.
            rule = Self.wrap(explanation.text, width: width)
        }
        let room = max(0, maxLines - 2)
        let body = Array((rule + Self.wrap(message, width: width)).prefix(room))
        return Array(([Self.heading] + body + [Self.hint]).prefix(maxLines))
    }

    /// Fills all of `area` in the error style and writes the lines centred in its height, two cells in.
    func render(into buffer: inout Buffer, area: Rect) {
        guard area.width > 6, area.height >= 1 else { return }
        buffer.fill(area, with: Cell(" ", role: .error))
        let lines = self.lines(width: area.width - 4, maxLines: area.height >= 4 ? area.height - 2 : area.height)
        let top = area.y + (area.height - lines.count) / 2
        for (offset, line) in lines.enumerated() {
            buffer.write(line, x: area.x + 2, y: top + offset, role: .error, attributes: offset == 0 ? [.bold] : [], clip: area)
        }
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
