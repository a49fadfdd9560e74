// The help window: every key and what it does, drawn over the panels.
import Plot

/// A centred box listing `TrainerKeymap.keys` (in two columns when one does not fit the height), with a note on
/// loss scaling for learners who bring numbers from elsewhere.
struct HelpOverlay {
    static let notes = [
        "Loss: --loss mse|half-mse|sse|half-sse picks your course's J.",
        "κ GD: GD needs on the order of κ² steps; z shrinks κ.",
        "Mouse: buttons, choices, border words, sliders; Fit: click/drag/right-click.",
        "Partial fit: r + wⱼ·xⱼ against xⱼ, y less the other features' part.",
    ]

    func render(into buffer: inout Buffer, area: Rect) {
        let bindings = TrainerKeymap.keys.commands
        let keyWidth = bindings.map(\.keys.count).max() ?? 0
        let actionWidth = bindings.map(\.help.count).max() ?? 0
        let columnWidth = keyWidth + 1 + actionWidth
        let available = max(1, area.height - 4 - Self.notes.count - 1)
        let columns = bindings.count <= available ? 1 : 2
        let perColumn = (bindings.count + columns - 1) / columns
        let bodyWidth = max(columns * columnWidth + (columns - 1) * 2, Self.notes.map(\.count).max() ?? 0)
        let width = min(area.width, bodyWidth + 4)
        let height = min(area.height, perColumn + Self.notes.count + 4)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        buffer.fill(box, with: Cell(" ", role: .help))
        PanelFrame(title: "Keys").render(into: &buffer, area: box)
        let inner = PanelFrame.inner(of: box)
        let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        for (index, binding) in bindings.enumerated() {
            let column = index / perColumn, row = index % perColumn
            let x = content.x + column * (columnWidth + 2), y = content.y + row
            guard y < content.bottom else { continue }
            let cell = Rect(x: x, y: y, width: columnWidth, height: 1).intersection(content)
            buffer.write(binding.keys, x: x, y: y, role: .helpKey, clip: cell)
            buffer.write(binding.help, x: x + keyWidth + 1, y: y, role: .help, clip: cell)
        }
        // A blank line before the notes when there is room for it (at 80×24 every row holds a key or a note).
        var y = content.y + perColumn + (perColumn + 1 + Self.notes.count <= content.height ? 1 : 0)
        for note in Self.notes where y < content.bottom {
            buffer.write(note, x: content.x, y: y, role: .help, clip: content)
            y += 1
        }
        buffer.write(" Esc closes ", x: box.right - 14, y: box.bottom - 1, role: .helpKey, clip: box)
    }
}
