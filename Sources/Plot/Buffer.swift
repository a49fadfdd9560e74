// A grid of cells that widgets draw into; frames are compared as text in tests and diffed for the terminal.

/// A width × height grid of cells. Writes outside the grid are ignored, so widgets can be drawn at any size.
public struct Buffer: Hashable, Sendable {
    public private(set) var area: Rect
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        area = Rect(x: 0, y: 0, width: width, height: height)
        cells = Array(repeating: .blank, count: area.area)
    }

    public init(area: Rect) {
        self.area = area
        cells = Array(repeating: .blank, count: area.area)
    }

    public var width: Int { area.width }
    public var height: Int { area.height }

    @inline(__always)
    func index(_ x: Int, _ y: Int) -> Int? {
        guard area.contains(x: x, y: y) else { return nil }
        return (y - area.y) * area.width + (x - area.x)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { index(x, y).map { cells[$0] } ?? .blank }
        set {
            guard let i = index(x, y) else { return }
            // A new look for the same character (a role, an attribute) keeps a wide character whole.
            if cells[i].character != newValue.character || cells[i].isContinuation != newValue.isContinuation {
                releaseWide(at: x, y)
            }
            cells[i] = newValue
        }
    }

    /// Before (x, y) is overwritten: a wide character it is half of loses its other half too (a space in the
    /// same style), so no half character is ever left on screen.
    private mutating func releaseWide(at x: Int, _ y: Int) {
        guard let i = index(x, y) else { return }
        if cells[i].isContinuation {
            if let left = index(x - 1, y) { cells[left] = Cell(" ", role: cells[left].role, attributes: cells[left].attributes) }
        } else if let right = index(x + 1, y), cells[right].isContinuation {
            var attributes = cells[right].attributes
            attributes.remove(.continuation)
            cells[right] = Cell(" ", role: cells[right].role, attributes: attributes)
        }
    }

    /// Writes `text` from (x, y) rightwards, clipped to `clip` (default: the whole buffer). Returns the x after the
    /// text. Each character takes its display width: a wide one (CJK, emoji) two cells, the right one marked
    /// `.continuation` (where only its left half would fit, a space stands in); a zero-width one none.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, role: StyleRole = .text, attributes: CellAttributes = [], clip: Rect? = nil
    ) -> Int {
        let bounds = clip.map { $0.intersection(area) } ?? area
        var cx = x
        for ch in text {
            let width = ch.displayWidth
            guard width > 0 else { continue }
            if bounds.contains(x: cx, y: y), let i = index(cx, y) {
                releaseWide(at: cx, y)
                if width == 2 {
                    if bounds.contains(x: cx + 1, y: y), let right = index(cx + 1, y) {
                        releaseWide(at: cx + 1, y)
                        cells[i] = Cell(ch, role: role, attributes: attributes)
                        cells[right] = Cell(" ", role: role, attributes: attributes.union(.continuation))
                    } else {
                        cells[i] = Cell(" ", role: role, attributes: attributes)
                    }
                } else {
                    cells[i] = Cell(ch, role: role, attributes: attributes)
                }
            } else if width == 2, bounds.contains(x: cx + 1, y: y), index(cx + 1, y) != nil {
                // The left half is clipped away: the right half shows as a space.
                self[cx + 1, y] = Cell(" ", role: role, attributes: attributes)
            }
            cx += width
        }
        return cx
    }

    /// Fills `rect` with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.bottom {
            // A wide character cut by the rectangle's edges goes whole.
            releaseWide(at: r.x, y)
            releaseWide(at: r.right - 1, y)
            let row = (y - area.y) * area.width
            for x in r.x..<r.right { cells[row + x - area.x] = cell }
        }
    }

    /// Positions whose cell differs from `previous` (all of them when sizes differ): what a backend must redraw.
    public func changes(since previous: Buffer?) -> [(x: Int, y: Int, cell: Cell)] {
        var out: [(x: Int, y: Int, cell: Cell)] = []
        let full = previous == nil || previous!.area != area
        for y in 0..<area.height {
            for x in 0..<area.width {
                let i = y * area.width + x
                if full || previous!.cells[i] != cells[i] { out.append((area.x + x, area.y + y, cells[i])) }
            }
        }
        return out
    }

    /// The characters as lines of text, trailing spaces kept: what golden files hold. The right halves of wide
    /// characters are left out, so each line is `width` columns wide on a terminal.
    public var lines: [String] {
        (0..<area.height).map { y in
            String(cells[(y * area.width)..<((y + 1) * area.width)].filter { !$0.isContinuation }.map(\.character))
        }
    }

    public var text: String { lines.joined(separator: "\n") }
}
