// Telling a chart's lines apart without colour: a legend sample of each line, and markers written along lines.

extension LineChart {
    /// A flat stretch of `series` as the chart draws it in `mode`, `width` cells long: its dash pattern, and its
    /// marker in the middle when it marks its line. For legends drawn outside the chart that must match the lines.
    public static func sample(of series: Series, mode: RenderMode, width: Int) -> String {
        var canvas = DotCanvas(mode: mode, columns: width, rows: 1)
        let y = canvas.dotHeight / 2
        for x in 0..<canvas.dotWidth where series.pattern.draws(column: x) {
            canvas.plot(x: x, y: y, role: series.role, marker: series.marker)
        }
        if series.marksLine, mode.usesUnicode, width > 0 {
            canvas.overlay(column: width / 2, row: 0, cell: Cell(series.marker, role: series.role))
        }
        return String((0..<width).map { canvas.character(column: $0, row: 0) ?? " " })
    }

    /// Writes each line-marking series' marker on its line every few cells, the series staggered so their
    /// marks fall in different columns. A mark never covers a line that is not marked (the live loss under
    /// pinned ghosts). ASCII lines are drawn in their markers already.
    func markLines(_ drawn: [Series], summaries: [DecimatedColumns], on canvas: inout DotCanvas, yAxis: Axis) {
        guard mode.usesUnicode else { return }
        let marked = drawn.indices.filter { drawn[$0].marksLine }
        guard !marked.isEmpty, canvas.columns >= 4 else { return }
        let unmarked = drawn.indices.filter { !drawn[$0].marksLine }.map { summaries[$0] }
        let spacing = max(6, min(16, canvas.columns / 4))
        let dotsPerColumn = mode.dotsPerCell.x
        for (rank, index) in marked.enumerated() {
            let s = drawn[index], summary = summaries[index]
            let offset = 1 + rank * spacing / marked.count
            let filled = summary.filled.indices.filter { summary.filled[$0] }
            for column in stride(from: offset, to: canvas.columns, by: spacing) {
                let dots = (column * dotsPerColumn)..<((column + 1) * dotsPerColumn)
                let c = dots.first { summary.filled[$0] } ?? dots.lowerBound
                guard let value = Self.value(of: summary, at: c, filled: filled),
                    let cell = canvas.cellPosition(x: c, y: yAxis.dot(units: value, dots: canvas.dotHeight)),
                    !unmarked.contains(where: { rows(of: $0, dots: dots, canvas: canvas, yAxis: yAxis)?.contains(cell.row) == true })
                else { continue }
                canvas.overlay(column: cell.column, row: cell.row, cell: Cell(s.marker, role: s.role, attributes: .bold))
            }
        }
    }

    /// Where a summarised line is at dot column `c` in axis units: its last value in a filled column, else the
    /// straight join of the filled columns either side (few points, long segments), nil outside its span.
    static func value(of summary: DecimatedColumns, at c: Int, filled: [Int]) -> Double? {
        if summary.filled[c] { return summary.last[c].isFinite ? summary.last[c] : nil }
        guard let next = filled.first(where: { $0 > c }), let previous = filled.last(where: { $0 < c }) else { return nil }
        let from = summary.last[previous], to = summary.first[next].isNaN ? summary.last[next] : summary.first[next]
        guard from.isFinite, to.isFinite else { return nil }
        return from + (to - from) * Double(c - previous) / Double(next - previous)
    }

    /// The cell rows (from the top) a summarised line spans in dot columns `dots`, nil where it has no data.
    func rows(of summary: DecimatedColumns, dots: Range<Int>, canvas: DotCanvas, yAxis: Axis) -> ClosedRange<Int>? {
        let filled = dots.filter { summary.filled[$0] }
        guard let low = filled.map({ summary.minimum[$0] }).min(), let high = filled.map({ summary.maximum[$0] }).max(),
            let c = filled.first
        else { return nil }
        let bottom = min(max(yAxis.dot(units: low, dots: canvas.dotHeight), 0), canvas.dotHeight - 1)
        let top = min(max(yAxis.dot(units: high, dots: canvas.dotHeight), 0), canvas.dotHeight - 1)
        guard let lowCell = canvas.cellPosition(x: c, y: bottom), let highCell = canvas.cellPosition(x: c, y: top) else { return nil }
        return highCell.row...lowCell.row
    }
}
