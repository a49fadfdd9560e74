// Horizontal bars for a signed weight vector: names, values, a zero line and a closed-form marker per bar.
import MessageText

/// One row per weight: `name  value  ▐██│███▌  ◆`, negative bars left of the zero line, positive right.
///
/// When the bars outnumber the rows, either the top weights by magnitude are shown (in their original order,
/// so rows do not jump while training) with a "+N more" line, or a window starting at `scrollOffset`.
/// The scale always covers every bar, so scrolling never rescales.
public struct BarChart: Sendable {
    /// One weight.
    public struct Bar: Sendable, Hashable {
        public var name: String
        public var value: Double
        /// The closed-form value for this weight, drawn as a second marker.
        public var reference: Double?
        /// The number written beside the bar when it is not `value` (e.g. the weight in data units beside a bar
        /// drawn to its z-score weight).
        public var shownValue: Double?

        public init(name: String, value: Double, reference: Double? = nil, shownValue: Double? = nil) {
            self.name = name
            self.value = value
            self.reference = reference
            self.shownValue = shownValue
        }
    }

    public var title: String?
    public var bars: [Bar]
    public var mode: RenderMode
    /// nil: top weights by magnitude when they do not all fit; a number: the first bar shown.
    public var scrollOffset: Int?

    public init(title: String? = nil, bars: [Bar], mode: RenderMode = .braille, scrollOffset: Int? = nil) {
        self.title = title
        self.bars = bars
        self.mode = mode
        self.scrollOffset = scrollOffset
    }

    /// Indices of the bars shown in `rows` rows, and how many are left out.
    public func visibleBars(rows: Int) -> (indices: [Int], hidden: Int) {
        guard rows > 0 else { return ([], bars.count) }
        guard bars.count > rows else { return (Array(bars.indices), 0) }
        let shown = rows - 1
        if let scrollOffset {
            let start = min(max(0, scrollOffset), bars.count - shown)
            return (Array(start..<(start + shown)), bars.count - shown)
        }
        func magnitude(_ i: Int) -> Double { bars[i].value.isFinite ? abs(bars[i].value) : -1 }
        let top = bars.indices.sorted { magnitude($0) != magnitude($1) ? magnitude($0) > magnitude($1) : $0 < $1 }
        return (top.prefix(shown).sorted(), bars.count - shown)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let unicode = mode.usesUnicode
        let marker: Character = unicode ? "◆" : "*"
        var top = area.y
        if let title, area.height >= 3 {
            let end = buffer.write(title, x: area.x, y: top, role: .title, attributes: .bold, clip: area)
            if bars.contains(where: { $0.reference != nil }) {
                let legend = "\(marker) closed form"
                if end + 2 + legend.count <= area.right {
                    let x = buffer.write(String(marker), x: area.right - legend.count, y: top, role: .weightOptimum)
                    buffer.write(" closed form", x: x, y: top, role: .text)
                }
            }
            top += 1
        }
        let body = Rect(x: area.x, y: top, width: area.width, height: area.bottom - top)
        guard !body.isEmpty else { return }
        if bars.isEmpty {
            buffer.write("no weights", x: body.x, y: body.y, role: .dim, clip: body)
            return
        }
        let (indices, hidden) = visibleBars(rows: body.height)

        let values = indices.map { NumberText.compact(bars[$0].shownValue ?? bars[$0].value, maxWidth: 7) }
        let longestName = indices.map { bars[$0].name.displayWidth }.max() ?? 0
        let nameWidth = min(longestName, max(3, body.width / 4))
        var valueWidth = values.map(\.count).max() ?? 0
        var barX = body.x + nameWidth + 1 + valueWidth + 1
        if body.right - barX < 3 {
            valueWidth = 0
            barX = body.x + nameWidth + 1
        }
        let barWidth = body.right - barX
        let scale = BarScale(bars: bars, width: barWidth)

        for (row, i) in indices.enumerated() {
            let y = body.y + row
            let bar = bars[i]
            buffer.write(Self.fit(bar.name, width: nameWidth), x: body.x, y: y, role: .text, clip: body)
            if valueWidth > 0 {
                let text = values[row]
                buffer.write(text, x: body.x + nameWidth + 1 + valueWidth - text.count, y: y, role: .text, clip: body)
            }
            guard let scale else { continue }
            buffer[barX + scale.zeroColumn, y] = Cell(unicode ? "│" : "|", role: .axis)
            let role: StyleRole = bar.value < 0 ? .weightNegative : .weightPositive
            for (column, glyph) in scale.cells(for: bar.value, unicode: unicode) {
                buffer[barX + column, y] = Cell(glyph, role: role)
            }
            if let reference = bar.reference, let column = scale.column(of: reference) {
                buffer[barX + column, y] = Cell(marker, role: .weightOptimum, attributes: .bold)
            }
        }
        if hidden > 0 {
            let more = scrollOffset == nil ? "+\(hidden) more (smaller)" : "+\(hidden) more"
            buffer.write(more, x: body.x, y: body.bottom - 1, role: .dim, clip: body)
        }
    }

    /// `text` cut to `width` columns with an ellipsis (a CJK or emoji name counts two columns a character).
    static func fit(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if text.displayWidth <= width { return text }
        return text.prefix(columns: width - 1) + "…"
    }
}
