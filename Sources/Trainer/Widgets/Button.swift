// A clickable button drawn as `[title]`.
import Plot

/// A one-row button. `isActive` marks a toggle that is on (Closed form while comparing, Run while running).
struct Button: Equatable {
    var title: String
    var isFocused = false
    var isActive = false

    var width: Int { title.count + 2 }

    func render(into buffer: inout Buffer, area: Rect) {
        let role: StyleRole = isFocused ? .buttonFocus : (isActive ? .buttonActive : .button)
        buffer.write("[" + title + "]", x: area.x, y: area.y, role: role, clip: area)
    }
}
