// The warning shown over the loss chart when training diverged and the engine paused itself.
import Engine
import Plot

/// A boxed message in the error style: the rate used, the stable bound and why, then what to do next.
struct DivergenceBanner {
    var message: String
    /// The stability rule for the rate that was in use (η against 2/λmax).
    var explanation: DivergenceExplanation?

    func render(into buffer: inout Buffer, area: Rect) {
        guard area.width > 6, area.height >= 4 else { return }
        let hint = "r: reset   -: lower the rate"
        var body = Self.wrap(message, width: area.width - 6)
        // Below the bound, full-batch GD diverges only through momentum or Adam: the rule would not explain it.
        if let explanation, explanation.largestStableLearningRate.isFinite, explanation.largestStableLearningRate > 0,
            explanation.isAboveBound || explanation.method != .gd
        {
            // The rule first: it is what the class should read; the engine's detail follows if there is room.
            body = Self.wrap(explanation.text, width: area.width - 6) + body
        }
        let room = max(0, area.height - 4)
        let lines = ["DIVERGED — training paused"] + body.prefix(room) + [hint]
        let height = min(area.height, lines.count + 2)
        let width = min(area.width - 2, (lines.map(\.count).max() ?? 0) + 4)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        buffer.fill(box, with: Cell(" ", role: .error))
        for (offset, line) in lines.enumerated() where offset + 1 < height - 0 {
            buffer.write(line, x: box.x + 2, y: box.y + 1 + offset, role: .error, attributes: offset == 0 ? [.bold] : [], clip: box)
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
