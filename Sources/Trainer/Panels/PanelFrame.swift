// A bordered panel with a title in its top edge.
import Plot

/// Draws a rounded box with ` title ` in the top border; `inner` is what the panel's content may use.
struct PanelFrame: Equatable {
    var title: String
    var isFocused = false

    static func inner(of area: Rect) -> Rect { area.inset(by: 1) }

    func render(into buffer: inout Buffer, area: Rect) {
        guard area.width >= 2, area.height >= 2 else { return }
        let role: StyleRole = isFocused ? .borderFocus : .border
        let right = area.right - 1, bottom = area.bottom - 1
        for x in area.x...right {
            buffer[x, area.y] = Cell("─", role: role)
            buffer[x, bottom] = Cell("─", role: role)
        }
        for y in area.y...bottom {
            buffer[area.x, y] = Cell("│", role: role)
            buffer[right, y] = Cell("│", role: role)
        }
        buffer[area.x, area.y] = Cell("╭", role: role)
        buffer[right, area.y] = Cell("╮", role: role)
        buffer[area.x, bottom] = Cell("╰", role: role)
        buffer[right, bottom] = Cell("╯", role: role)
        if !title.isEmpty, area.width > 4 {
            buffer.write(
                " " + title + " ", x: area.x + 2, y: area.y, role: .title,
                clip: Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1))
        }
    }
}
