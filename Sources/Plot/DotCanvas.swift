// A grid of cells addressed in dots (origin bottom-left) that renders as braille, half-blocks or ASCII.

/// A drawing surface of `columns × rows` cells at the dot resolution of its `RenderMode`.
///
/// Dots are OR-ed into a per-cell bit pattern, so lines crossing one cell merge like ratatui's braille
/// canvas. Each cell keeps the role of the last dot drawn in it. Cells never drawn stay transparent:
/// `render` leaves the buffer's cell there untouched, so a canvas can be laid over shading.
public struct DotCanvas: Sendable {
    public let mode: RenderMode
    public let columns: Int
    public let rows: Int
    private var bits: [UInt8]
    private var roles: [StyleRole]
    private var markers: [Character]
    private var overlays: [Cell?]

    public init(mode: RenderMode, columns: Int, rows: Int) {
        self.mode = mode
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        let count = self.columns * self.rows
        bits = Array(repeating: 0, count: count)
        roles = Array(repeating: .text, count: count)
        markers = Array(repeating: "*", count: count)
        overlays = Array(repeating: nil, count: count)
    }

    /// Width in dots.
    public var dotWidth: Int { columns * mode.dotsPerCell.x }
    /// Height in dots.
    public var dotHeight: Int { rows * mode.dotsPerCell.y }

    /// Bit of the dot at (column dx, row dy from the cell's top) in a braille pattern.
    private static let brailleBits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    /// The 256 braille patterns U+2800...U+28FF, built once rather than per cell and frame.
    private static let brailleCharacters: [Character] = (0..<256).map { Character(Unicode.Scalar(0x2800 + UInt32($0))!) }

    /// Sets the dot at (x, y), y counted up from the bottom; dots outside the canvas are ignored.
    /// `marker` is the character this dot shows in ASCII mode.
    public mutating func plot(x: Int, y: Int, role: StyleRole, marker: Character = "*") {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let (dpx, dpy) = mode.dotsPerCell
        let fromTop = dotHeight - 1 - y
        let column = x / dpx, row = fromTop / dpy
        let i = row * columns + column
        switch mode {
        case .braille: bits[i] |= Self.brailleBits[fromTop % dpy][x % dpx]
        case .halfBlock: bits[i] |= fromTop % 2 == 0 ? 1 : 2
        case .ascii: bits[i] = 1
        }
        roles[i] = role
        markers[i] = marker
    }

    /// Draws a straight line of dots between two dot positions (Bresenham), clipped to the canvas.
    /// With `dashed`, every other run of two dots is left out; `pattern` leaves out the dot columns it does not
    /// draw, so a long segment between two far-apart points is dashed like the rest of its series.
    public mutating func line(
        from start: (x: Int, y: Int), to end: (x: Int, y: Int), role: StyleRole, marker: Character = "*",
        dashed: Bool = false, pattern: LinePattern = .solid
    ) {
        guard let (a, b) = clip(start, end) else { return }
        var x = a.x, y = a.y
        let dx = abs(b.x - x), dy = -abs(b.y - y)
        let sx = x < b.x ? 1 : -1, sy = y < b.y ? 1 : -1
        var error = dx + dy
        var n = 0
        while true {
            if (!dashed || (n / 2) % 2 == 0) && pattern.draws(column: x) { plot(x: x, y: y, role: role, marker: marker) }
            n += 1
            if x == b.x && y == b.y { break }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x += sx }
            if e2 <= dx { error += dx; y += sy }
        }
    }

    /// The part of a segment inside the canvas (Liang–Barsky), so far-off points cost nothing to draw.
    private func clip(_ p: (x: Int, y: Int), _ q: (x: Int, y: Int)) -> ((x: Int, y: Int), (x: Int, y: Int))? {
        guard dotWidth > 0, dotHeight > 0 else { return nil }
        let x0 = Double(p.x), y0 = Double(p.y), dx = Double(q.x - p.x), dy = Double(q.y - p.y)
        var t0 = 0.0, t1 = 1.0
        let edges: [(Double, Double)] = [
            (-dx, x0), (dx, Double(dotWidth - 1) - x0), (-dy, y0), (dy, Double(dotHeight - 1) - y0),
        ]
        for (pe, qe) in edges {
            if pe == 0 {
                if qe < 0 { return nil }
            } else {
                let t = qe / pe
                if pe < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            }
        }
        guard t0 <= t1 else { return nil }
        let a = (x: Int((x0 + t0 * dx).rounded()), y: Int((y0 + t0 * dy).rounded()))
        let b = (x: Int((x0 + t1 * dx).rounded()), y: Int((y0 + t1 * dy).rounded()))
        return (a, b)
    }

    /// ORs a whole cell's dot `pattern` in at once (column, row from the top), as plotting each of its dots would;
    /// an empty pattern changes nothing. For callers that bin many points per cell first.
    public mutating func merge(pattern: UInt8, column: Int, row: Int, role: StyleRole, marker: Character = "*") {
        guard pattern != 0, column >= 0, row >= 0, column < columns, row < rows else { return }
        let i = row * columns + column
        switch mode {
        case .braille, .halfBlock: bits[i] |= pattern
        case .ascii: bits[i] = 1
        }
        roles[i] = role
        markers[i] = marker
    }

    /// Puts a whole character in a cell (column, row from the top), drawn over any dots there.
    public mutating func overlay(column: Int, row: Int, cell: Cell) {
        guard column >= 0, row >= 0, column < columns, row < rows else { return }
        overlays[row * columns + column] = cell
    }

    /// The cell position holding dot (x, y), or nil outside the canvas.
    public func cellPosition(x: Int, y: Int) -> (column: Int, row: Int)? {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return nil }
        return (x / mode.dotsPerCell.x, (dotHeight - 1 - y) / mode.dotsPerCell.y)
    }

    /// The raw dot pattern of a cell (braille bits, or 1 = upper / 2 = lower half-block).
    public func pattern(column: Int, row: Int) -> UInt8 {
        guard column >= 0, row >= 0, column < columns, row < rows else { return 0 }
        return bits[row * columns + column]
    }

    /// The character a cell shows, nil when nothing was drawn there.
    public func character(column: Int, row: Int) -> Character? {
        guard column >= 0, row >= 0, column < columns, row < rows else { return nil }
        let i = row * columns + column
        if let overlay = overlays[i] { return overlay.character }
        let pattern = bits[i]
        guard pattern != 0 else { return nil }
        switch mode {
        case .braille: return Self.brailleCharacters[Int(pattern)]
        case .halfBlock: return pattern == 1 ? "▀" : pattern == 2 ? "▄" : "█"
        case .ascii: return markers[i]
        }
    }

    /// Copies the drawn cells into `area` of the buffer (top-left aligned, clipped); undrawn cells stay as they were.
    public func render(into buffer: inout Buffer, area: Rect) {
        for row in 0..<min(rows, area.height) {
            for column in 0..<min(columns, area.width) {
                let i = row * columns + column
                if let overlay = overlays[i] {
                    buffer[area.x + column, area.y + row] = overlay
                } else if let ch = character(column: column, row: row) {
                    buffer[area.x + column, area.y + row] = Cell(ch, role: roles[i])
                }
            }
        }
    }
}
