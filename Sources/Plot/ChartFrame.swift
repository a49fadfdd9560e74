// The frame around an x–y chart: title, legend, y axis with labels, x axis with labels; it lays out the plot area.

/// Lays out and draws the furniture of an x–y chart, leaving the inner plot area to the caller.
///
/// Parts are dropped as the area shrinks (header first below 4 rows, the x axis below 5, the y axis when
/// labels would leave under 4 columns), so any size down to 0×0 renders without a crash.
struct ChartFrame {
    var title: String?
    var legend: [LegendEntry] = []
    var xAxis: Axis
    var yAxis: Axis
    var mode: RenderMode
    /// What the x axis measures ("step", "actual"), written at the right end of the tick-label row when it fits.
    var xName: String?
    /// The finest x tick spacing: 1 when x counts whole things such as steps.
    var xMinimumStep: Double = 0

    /// Where the parts go in `area`: computed alone (no drawing) so a caller can map a click into the plot.
    struct Layout {
        var plot: Rect
        var hasHeader: Bool
        var hasXAxis: Bool
        var hasYAxis: Bool
        var yTicks: [Axis.Tick]
    }

    /// The layout `render` uses for `area`.
    func layout(in area: Rect) -> Layout {
        let hasHeader = (title != nil || !legend.isEmpty) && area.height >= 4
        let top = area.y + (hasHeader ? 1 : 0)
        let bodyHeight = area.bottom - top
        let hasXAxis = bodyHeight >= 4
        let plotRows = bodyHeight - (hasXAxis ? 2 : 0)
        let yTicks = plotRows >= 2 ? yAxis.ticks(maxCount: plotRows / 2 + 1, labelWidth: 7) : []
        let labelWidth = yTicks.map(\.label.count).max() ?? 0
        let hasYAxis = plotRows >= 2 && labelWidth > 0 && area.width - labelWidth - 1 >= 4
        let plotX = area.x + (hasYAxis ? labelWidth + 1 : 0)
        let plot = Rect(x: plotX, y: top, width: area.right - plotX, height: plotRows)
        return Layout(plot: plot, hasHeader: hasHeader, hasXAxis: hasXAxis, hasYAxis: hasYAxis, yTicks: yTicks)
    }

    /// Draws title, legend and axes into `area` and returns the plot area (possibly empty) left for the data.
    func render(into buffer: inout Buffer, area: Rect) -> Rect {
        let unicode = mode.usesUnicode
        let parts = layout(in: area)
        let plot = parts.plot, hasHeader = parts.hasHeader, hasXAxis = parts.hasXAxis, hasYAxis = parts.hasYAxis
        let yTicks = parts.yTicks, plotRows = plot.height, plotX = plot.x
        let dpc = mode.dotsPerCell

        if hasHeader { renderHeader(into: &buffer, area: Rect(x: area.x, y: area.y, width: area.width, height: 1)) }

        if hasYAxis {
            let axisX = plotX - 1
            for row in plot.y..<plot.bottom {
                buffer[axisX, row] = Cell(unicode ? "│" : "|", role: .axis)
            }
            var lastRow = Int.min
            let dots = plotRows * dpc.y
            for tick in yTicks.reversed() {
                guard let d = yAxis.dot(tick.value, dots: dots), d >= 0, d < dots else { continue }
                let row = plot.bottom - 1 - d / dpc.y
                guard row != lastRow else { continue }
                lastRow = row
                buffer[axisX, row] = Cell(unicode ? "┤" : "+", role: .axis)
                buffer.write(tick.label, x: axisX - tick.label.count, y: row, role: .tickLabel)
            }
        }
        if hasXAxis && plot.width > 0 {
            let axisY = plot.bottom
            if hasYAxis { buffer[plotX - 1, axisY] = Cell(unicode ? "└" : "+", role: .axis) }
            for column in plot.x..<plot.right { buffer[column, axisY] = Cell(unicode ? "─" : "-", role: .axis) }
            let columnsWide = plot.width
            let dots = columnsWide * dpc.x
            let xTicks = xAxis.ticks(maxCount: max(2, columnsWide / 8 + 1), labelWidth: 7, minimumStep: xMinimumStep)
            var freeFrom = area.x
            for tick in xTicks {
                guard let d = xAxis.dot(tick.value, dots: dots), d >= 0, d < dots else { continue }
                let column = plot.x + d / dpc.x
                buffer[column, axisY] = Cell(unicode ? "┬" : "+", role: .axis)
                let length = tick.label.count
                let start = min(max(column - length / 2, area.x), area.right - length)
                guard start >= freeFrom else { continue }
                buffer.write(tick.label, x: start, y: axisY + 1, role: .tickLabel)
                freeFrom = start + length + 1
            }
            if let xName, area.right - xName.count >= freeFrom + 1 {
                buffer.write(xName, x: area.right - xName.count, y: axisY + 1, role: .dim)
            }
        }
        return plot
    }

    /// Title on the left, legend entries right-aligned after it, dropping entries that do not fit.
    private func renderHeader(into buffer: inout Buffer, area: Rect) {
        let titleEnd = title.map { buffer.write($0, x: area.x, y: area.y, role: .title, attributes: .bold, clip: area) }
            ?? area.x
        var entries = legend
        func width(_ list: [LegendEntry]) -> Int { list.map(\.width).reduce(0, +) + max(0, list.count - 1) * 2 }
        while !entries.isEmpty && titleEnd + (title == nil ? 0 : 2) + width(entries) > area.right {
            entries.removeLast()
        }
        var x = area.right - width(entries)
        for entry in entries {
            x = buffer.write(entry.symbol, x: x, y: area.y, role: entry.role, clip: area)
            x = buffer.write(" " + entry.name, x: x, y: area.y, role: .text, clip: area) + 2
        }
    }
}
