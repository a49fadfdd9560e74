// The keyboard cursor on a chart: a cross of one cell each way around the cell it points at.
import Plot

/// Drawn where the point cursor (`p`) stands: on the Fit view it is where a point would go, on the loss
/// landscape where a new start would be.
struct Crosshair {
    var mode: RenderMode

    func render(at cursor: CellPosition, into buffer: inout Buffer, clip: Rect) {
        let unicode = mode.usesUnicode
        let arms: [(dx: Int, dy: Int, glyph: String)] = [
            (-1, 0, unicode ? "─" : "-"), (1, 0, unicode ? "─" : "-"), (0, -1, unicode ? "│" : "|"),
            (0, 1, unicode ? "│" : "|"), (0, 0, unicode ? "┼" : "+"),
        ]
        for arm in arms {
            buffer.write(arm.glyph, x: cursor.x + arm.dx, y: cursor.y + arm.dy, role: .warning, clip: clip)
        }
    }
}
