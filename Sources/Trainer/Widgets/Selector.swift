// A choice among a few options: all shown with the chosen one bracketed, or `‹ choice ›` when narrow.
import Plot

/// Picks one of `options`. Wide enough: ` GD [SGD] mini-batch`; too narrow: `‹ SGD ›` (click a half to step).
struct Selector: Equatable {
    var label: String
    var options: [String]
    var selected: Int
    var isFocused = false

    /// Where each option is drawn in `area`; empty when the compact form is used.
    func optionRects(in area: Rect) -> [Rect] {
        let available = area.width - Slider.labelWidth
        let needed = options.reduce(0) { $0 + $1.count + 2 }
        guard needed <= available else { return [] }
        var x = area.x + Slider.labelWidth
        return options.map { option in
            defer { x += option.count + 2 }
            return Rect(x: x, y: area.y, width: option.count + 2, height: 1)
        }
    }

    /// The option a click at column `x` picks: the option under it, or in the compact form the previous / next one.
    func option(atX x: Int, in area: Rect) -> Int? {
        let rects = optionRects(in: area)
        if rects.isEmpty {
            guard x >= area.x + Slider.labelWidth, !options.isEmpty else { return nil }
            let middle = area.x + Slider.labelWidth + (compactText.count / 2)
            return (selected + (x < middle ? options.count - 1 : 1)) % options.count
        }
        return rects.firstIndex { $0.contains(x: x, y: area.y) }
    }

    private var compactText: String { "‹ " + options[selected] + " ›" }

    func render(into buffer: inout Buffer, area: Rect) {
        guard area.height > 0, !options.isEmpty else { return }
        buffer.write(label, x: area.x, y: area.y, role: isFocused ? .labelFocus : .label, clip: area)
        let rects = optionRects(in: area)
        if rects.isEmpty {
            buffer.write(
                compactText, x: area.x + Slider.labelWidth, y: area.y, role: isFocused ? .selectorFocus : .selectorSelected,
                clip: area)
            return
        }
        for (index, rect) in rects.enumerated() {
            if index == selected {
                buffer.write(
                    "[" + options[index] + "]", x: rect.x, y: rect.y, role: isFocused ? .selectorFocus : .selectorSelected,
                    clip: area)
            } else {
                buffer.write(" " + options[index] + " ", x: rect.x, y: rect.y, role: .selector, clip: area)
            }
        }
    }
}
