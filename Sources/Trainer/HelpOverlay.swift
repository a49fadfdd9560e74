// The help window: every key and what it does, drawn over the panels.
import Plot

/// A centred box listing `KeyBinding.all`, with a note on loss scaling for learners who bring numbers from elsewhere.
struct HelpOverlay {
    static let notes = [
        "Loss is MSE = (1/n)·Σr². Write-ups using Σr² need lr × n.",
        "Mouse: click buttons and choices, drag or wheel sliders.",
    ]

    func render(into buffer: inout Buffer, area: Rect) {
        let keyWidth = KeyBinding.all.map(\.keys.count).max() ?? 0
        let bodyWidth = max(
            KeyBinding.all.map { keyWidth + 2 + $0.action.count }.max() ?? 0, Self.notes.map(\.count).max() ?? 0)
        let width = min(area.width, bodyWidth + 4)
        let height = min(area.height, KeyBinding.all.count + Self.notes.count + 5)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        buffer.fill(box, with: Cell(" ", role: .help))
        PanelFrame(title: "Keys").render(into: &buffer, area: box)
        let inner = PanelFrame.inner(of: box)
        let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        var y = content.y + 1
        for binding in KeyBinding.all where y < content.bottom {
            buffer.write(binding.keys, x: content.x, y: y, role: .helpKey, clip: content)
            buffer.write(binding.action, x: content.x + keyWidth + 2, y: y, role: .help, clip: content)
            y += 1
        }
        y += 1
        for note in Self.notes where y < content.bottom {
            buffer.write(note, x: content.x, y: y, role: .help, clip: content)
            y += 1
        }
        buffer.write(" Esc closes ", x: box.right - 14, y: box.bottom - 1, role: .helpKey, clip: box)
    }
}
