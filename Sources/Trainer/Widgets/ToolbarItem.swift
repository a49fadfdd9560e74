// Clickable words set in a panel's bottom border: the mouse way to the keys that have no control of their own.
import Plot

/// One word of a toolbar and where it is drawn.
struct ToolbarItem: Equatable {
    var action: TrainerAction
    var text: String
    var area: Rect

    /// Places `items` left to right on the bottom border of `panel` as `[word]`, dropping those that do not fit
    /// (the keys still work). At 80 columns a panel border holds 38 cells.
    static func layout(_ items: [(TrainerAction, String)], bottomOf panel: Rect) -> [ToolbarItem] {
        let y = panel.bottom - 1
        var x = panel.x + 1
        let right = panel.right - 1
        var placed: [ToolbarItem] = []
        for (action, text) in items {
            let width = text.displayWidth + 2
            guard x + width <= right else { continue }
            placed.append(ToolbarItem(action: action, text: text, area: Rect(x: x, y: y, width: width, height: 1)))
            x += width
        }
        return placed
    }

    /// Draws `[word]` in the button style over the border.
    func render(into buffer: inout Buffer, isActive: Bool = false) {
        buffer.write("[" + text + "]", x: area.x, y: area.y, role: isActive ? .buttonActive : .button, clip: area)
    }
}
