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
        set { if let i = index(x, y) { cells[i] = newValue } }
    }

    /// Writes `text` from (x, y) rightwards, clipped to `clip` (default: the whole buffer). Returns the x after the text.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, role: StyleRole = .text, attributes: CellAttributes = [], clip: Rect? = nil
    ) -> Int {
        let bounds = clip.map { $0.intersection(area) } ?? area
        var cx = x
        for ch in text {
            if bounds.contains(x: cx, y: y), let i = index(cx, y) {
                cells[i] = Cell(ch, role: role, attributes: attributes)
            }
            cx += 1
        }
        return cx
    }

    /// Fills `rect` with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.bottom {
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

    /// The characters as lines of text, trailing spaces kept: what golden files hold.
    public var lines: [String] {
        (0..<area.height).map { y in
            String(cells[(y * area.width)..<((y + 1) * area.width)].map(\.character))
        }
    }

    public var text: String { lines.joined(separator: "\n") }
}
