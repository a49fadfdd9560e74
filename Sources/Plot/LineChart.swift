// A line chart of several series with axes, legend, reference lines, log scale and smoothing.

/// Several series over a shared x axis, e.g. train and test loss against the step.
///
/// Raw points are decimated per dot column (min/max/first/last), so a million-point history costs one pass
/// over the points plus one over the columns, and its spikes stay visible.
public struct LineChart: Sendable {
    public var title: String?
    public var series: [Series]
    public var referenceLines: [ReferenceLine]
    public var yScale: AxisScale
    public var mode: RenderMode
    /// Exponential smoothing weight in 0..<1; when above 0 the raw data is drawn faintly (role `ghost`) beneath.
    public var smoothing: Double
    public var showsLegend: Bool
    /// Fixed ranges in data units; nil fits the data (x exactly, y with padding).
    public var xRange: ClosedRange<Double>?
    public var yRange: ClosedRange<Double>?
    /// What x measures, e.g. "step" or "epoch", shown at the end of the x axis when there is room.
    public var xName: String?
    /// x counts whole things (steps): no ticks fall between two of them.
    public var xIsWhole: Bool
    /// x positions marked by a small tick on the plot's top row (the loss chart's: where the data changed),
    /// the last one labelled `xMarkLabel` where it fits.
    public var xMarks: [Double] = []
    public var xMarkLabel = ""

    public init(
        title: String? = nil, series: [Series] = [], referenceLines: [ReferenceLine] = [],
        yScale: AxisScale = .linear, mode: RenderMode = .braille, smoothing: Double = 0, showsLegend: Bool = true,
        xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil, xName: String? = nil, xIsWhole: Bool = false
    ) {
        self.title = title
        self.series = series
        self.referenceLines = referenceLines
        self.yScale = yScale
        self.mode = mode
        self.smoothing = smoothing
        self.showsLegend = showsLegend
        self.xRange = xRange
        self.yRange = yRange
        self.xName = xName
        self.xIsWhole = xIsWhole
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let drawn = smoothing > 0 && smoothing < 1 ? series.map { $0.smoothed(weight: smoothing) } : series
        let extent = DataExtent(series: series, yScale: yScale)
        let xAxis = xRange.map { Axis(from: $0.lowerBound, to: $0.upperBound) }
            ?? Axis.fitting(min: extent.xMin, max: extent.xMax, scale: .linear, padding: 0)
        let yAxis: Axis
        if let yRange {
            yAxis = Axis(scale: yScale, from: yRange.lowerBound, to: yRange.upperBound)
        } else {
            let refs = referenceLines.compactMap { yScale.transform($0.value) }
            let lo = ([extent.yMin].compactMap { $0 } + refs).min()
            let hi = ([extent.yMax].compactMap { $0 } + refs).max()
            yAxis = Axis.fitting(min: lo, max: hi, scale: yScale)
        }
        let legend = showsLegend ? series.map { legendEntry(for: $0) } : []
        let frame = ChartFrame(
            title: title, legend: legend, xAxis: xAxis, yAxis: yAxis, mode: mode, xName: xName, xMinimumStep: xIsWhole ? 1 : 0)
        let plot = frame.render(into: &buffer, area: area)
        guard !plot.isEmpty else { return }

        var canvas = DotCanvas(mode: mode, columns: plot.width, rows: plot.height)
        for line in referenceLines {
            guard let y = yAxis.dot(line.value, dots: canvas.dotHeight) else { continue }
            canvas.line(from: (0, y), to: (canvas.dotWidth - 1, y), role: line.role, marker: "-", dashed: true)
        }
        var unplaceable = 0
        if drawn.count == series.count && smoothing > 0 && smoothing < 1 {
            for s in series { _ = draw(s, role: .ghost, on: &canvas, xAxis: xAxis, yAxis: yAxis) }
        }
        var summaries: [DecimatedColumns] = []
        for s in drawn {
            let summary = draw(s, role: s.role, on: &canvas, xAxis: xAxis, yAxis: yAxis)
            unplaceable += summary.unplaceable
            summaries.append(summary)
        }
        markLines(drawn, summaries: summaries, on: &canvas, yAxis: yAxis)
        canvas.render(into: &buffer, area: plot)

        for line in referenceLines {
            guard let y = yAxis.dot(line.value, dots: canvas.dotHeight), y >= 0, y < canvas.dotHeight,
                let cell = canvas.cellPosition(x: 0, y: y), plot.width > line.label.count + 2
            else { continue }
            buffer.write(line.label, x: plot.x + 1, y: plot.y + cell.row, role: line.role, clip: plot)
        }
        drawMarks(on: plot, xAxis: xAxis, into: &buffer)
        if extent.isEmpty {
            centre("no data", in: plot, buffer: &buffer)
        } else if unplaceable > 0 && plot.width >= 20 {
            let note = "values ≤ 0 not shown"
            buffer.write(note, x: plot.right - note.count, y: plot.y, role: .warning, clip: plot)
        }
    }

    /// Heavy box glyphs for plain solid and dashed lines (they read best in a legend), else the line's own sample.
    private func legendEntry(for s: Series) -> LegendEntry {
        let symbol: String
        if !mode.usesUnicode {
            symbol = String(repeating: s.marker, count: 2)
        } else if !s.marksLine, s.pattern == .solid || s.pattern == .dashed {
            symbol = s.pattern == .dashed ? "╍╍" : "━━"
        } else {
            symbol = Self.sample(of: s, mode: mode, width: 3)
        }
        return LegendEntry(symbol: symbol, name: s.name, role: s.role)
    }

    /// Draws one series column by column; returns its per-column summary (with how many of its points had no
    /// place on the y axis).
    private func draw(_ s: Series, role: StyleRole, on canvas: inout DotCanvas, xAxis: Axis, yAxis: Axis) -> DecimatedColumns {
        let columns = canvas.dotWidth, dots = canvas.dotHeight
        let summary: DecimatedColumns
        switch s.data {
        case let .points(xs, ys):
            summary = DecimatedColumns(xs: xs, ys: ys, columns: columns, xAxis: xAxis, yScale: yScale)
        case let .buckets(buckets):
            summary = DecimatedColumns(buckets: buckets, columns: columns, xAxis: xAxis, yScale: yScale)
        }
        var previous: (x: Int, y: Int)?
        for c in 0..<columns where summary.filled[c] {
            let lo = yAxis.dot(units: summary.minimum[c], dots: dots)
            let hi = yAxis.dot(units: summary.maximum[c], dots: dots)
            let entry = summary.first[c].isNaN
                ? min(max(previous?.y ?? lo, lo), hi) : yAxis.dot(units: summary.first[c], dots: dots)
            if let p = previous {
                canvas.line(from: p, to: (c, entry), role: role, marker: s.marker, pattern: s.pattern)
            }
            if s.pattern.draws(column: c) { canvas.line(from: (c, lo), to: (c, hi), role: role, marker: s.marker) }
            previous = (c, yAxis.dot(units: summary.last[c], dots: dots))
        }
        return summary
    }

    /// A tick at each of `xMarks` on the plot's top row, the last one labelled.
    private func drawMarks(on plot: Rect, xAxis: Axis, into buffer: inout Buffer) {
        let dotsAcross = mode.dotsPerCell.x, dotWidth = plot.width * dotsAcross
        var last: Int?
        for mark in xMarks {
            guard let dot = xAxis.dot(mark, dots: dotWidth), dot >= 0, dot < dotWidth else { continue }
            let column = plot.x + dot / dotsAcross
            buffer.write(mode.usesUnicode ? "▾" : "v", x: column, y: plot.y, role: .warning, clip: plot)
            last = column
        }
        if let last, !xMarkLabel.isEmpty {
            let x = last + 1 + xMarkLabel.count <= plot.right ? last + 1 : last - xMarkLabel.count
            if x >= plot.x { buffer.write(xMarkLabel, x: x, y: plot.y, role: .warning, clip: plot) }
        }
    }

    private func centre(_ text: String, in rect: Rect, buffer: inout Buffer) {
        let x = rect.x + max(0, (rect.width - text.count) / 2)
        buffer.write(text, x: x, y: rect.y + rect.height / 2, role: .dim, clip: rect)
    }
}
