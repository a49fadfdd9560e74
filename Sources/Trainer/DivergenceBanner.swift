// The warning shown over the loss chart when training diverged and the engine paused itself.
import Plot

/// A boxed message in the error style: the engine's explanation and what to do next.
struct DivergenceBanner {
    var message: String

    func render(into buffer: inout Buffer, area: Rect) {
        guard area.width > 6, area.height >= 4 else { return }
        let hint = "r: reset   -: lower the learning rate"
        let lines = ["DIVERGED — training paused"] + Self.wrap(message, width: area.width - 6) + [hint]
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
        guard width > 0 else { return [] }
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ") {
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
