// Points of a data set with model curves over them and, optionally, residual segments from each point to the model.

/// An x–y chart of train and test points in their own units, with curves (the model, a dashed reference) drawn
/// over them and vertical residual segments from each train point to the model's value there. The fit, the
/// partial-fit and the residuals-vs-predicted views all draw with it.
///
/// The y range follows the points (and `yIncludes`), not the curves: a wild degree-9 polynomial is clipped at
/// the plot's edge instead of squashing the data into a line.
public struct FitChart: Sendable {
    /// A polyline through (xs[i], ys[i]) in increasing x; non-finite values break it.
    public struct Curve: Sendable {
        public var name: String
        public var role: StyleRole
        public var pattern: LinePattern
        /// Drawn along the line in ASCII mode and in its legend there.
        public var marker: Character
        public var xs: [Double]
        public var ys: [Double]

        public init(name: String, role: StyleRole, pattern: LinePattern = .solid, marker: Character = "*", xs: [Double], ys: [Double]) {
            self.name = name
            self.role = role
            self.pattern = pattern
            self.marker = marker
            self.xs = xs
            self.ys = ys
        }
    }

    /// A vertical segment per train point, from its y to the model's value at its x.
    public struct Residuals: Sendable {
        public var model: [Double]
        /// Above this many points no segment is drawn; a note says why.
        public var limit: Int

        public init(model: [Double], limit: Int = FitChart.residualLimit) {
            self.model = model
            self.limit = limit
        }
    }

    /// Above this many train points residual segments would merge into mud, however wide the plot.
    public static let residualLimit = 300

    public var title: String?
    public var trainXs: [Double]
    public var trainYs: [Double]
    public var testXs: [Double]
    public var testYs: [Double]
    public var curves: [Curve]
    public var residuals: Residuals?
    /// Values the y axis must show besides the points.
    public var yIncludes: [Double]
    /// A horizontal dashed line across the whole plot at this y (a residual plot's r = 0), named in the legend.
    public var level: (value: Double, name: String)?
    public var xName: String?
    public var mode: RenderMode
    public var showsLegend: Bool

    public init(
        title: String? = nil, trainXs: [Double], trainYs: [Double], testXs: [Double] = [], testYs: [Double] = [],
        curves: [Curve] = [], residuals: Residuals? = nil, yIncludes: [Double] = [], level: (value: Double, name: String)? = nil,
        xName: String? = nil, mode: RenderMode = .braille, showsLegend: Bool = true
    ) {
        self.level = level
        self.title = title
        self.trainXs = trainXs
        self.trainYs = trainYs
        self.testXs = testXs
        self.testYs = testYs
        self.curves = curves
        self.residuals = residuals
        self.yIncludes = yIncludes
        self.xName = xName
        self.mode = mode
        self.showsLegend = showsLegend
    }

    /// The note shown instead of residual segments on too many points.
    public static let tooManyPointsNote = "too many points to draw residuals"

    private var legend: [LegendEntry] {
        guard showsLegend else { return [] }
        var entries = PointCloud.legend(mode: mode, hasTest: !testXs.isEmpty, trainAsMarkers: trainAsMarkers)
        for curve in curves where !curve.name.isEmpty {
            let symbol = mode.usesUnicode ? (curve.pattern == .solid ? "━━" : "╍╍") : String(repeating: curve.marker, count: 2)
            entries.append(LegendEntry(symbol: symbol, name: curve.name, role: curve.role))
        }
        if let level {
            entries.append(LegendEntry(symbol: mode.usesUnicode ? "╍╍" : "--", name: level.name, role: .diagonal))
        }
        return entries
    }

    private var frame: ChartFrame {
        var bounds = Bounds()
        bounds.extend(xs: trainXs, ys: trainYs)
        bounds.extend(xs: testXs, ys: testYs)
        for value in yIncludes + (level.map { [$0.value] } ?? []) where value.isFinite {
            bounds.yLow = min(bounds.yLow, value)
            bounds.yHigh = max(bounds.yHigh, value)
        }
        let xAxis = bounds.xLow > bounds.xHigh ? Axis(from: 0, to: 1) : Axis.fitting(min: bounds.xLow, max: bounds.xHigh, scale: .linear)
        let yAxis = bounds.yLow > bounds.yHigh
            ? Axis(from: 0, to: 1) : Axis.fitting(min: bounds.yLow, max: bounds.yHigh, scale: .linear, padding: 0.08)
        return ChartFrame(title: title, legend: legend, xAxis: xAxis, yAxis: yAxis, mode: mode, xName: xName)
    }

    /// Where data coordinates land when the chart is drawn in `area` (and which data point a cell stands for).
    public func mapping(area: Rect) -> ChartMapping {
        let frame = self.frame
        return ChartMapping(xAxis: frame.xAxis, yAxis: frame.yAxis, plot: frame.layout(in: area).plot, mode: mode)
    }

    /// Few points are drawn as whole-cell markers (`•`), so each reads apart from the braille line through it;
    /// more are braille dots, merged with the line where they meet so neither hides the other.
    var trainAsMarkers: Bool { min(trainXs.count, trainYs.count) <= Self.markerLimit }

    /// Up to this many train points are markers (Anscombe's 11, a 20-point overfit); the line data's 100 are dots.
    public static let markerLimit = 50

    /// Whether the residual segments are left out because there are too many points: more than the limit, or
    /// more than the plot in `area` has dot columns (side by side they would fill it solid).
    public func residualsOmitted(in area: Rect) -> Bool {
        guard let residuals else { return false }
        let n = min(trainXs.count, trainYs.count)
        // Over the limit the plot's width is not needed (nor the pass over the points that finds it).
        return n > residuals.limit || n > mapping(area: area).dotWidth
    }

    /// The same for a plot already laid out.
    private func residualsOmitted(plot: Rect) -> Bool {
        guard let residuals else { return false }
        let n = min(trainXs.count, trainYs.count)
        return n > residuals.limit || n > plot.width * mode.dotsPerCell.x
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let frame = self.frame
        let plot = frame.render(into: &buffer, area: area)
        guard !plot.isEmpty else { return }
        let map = ChartMapping(xAxis: frame.xAxis, yAxis: frame.yAxis, plot: plot, mode: mode)
        var canvas = DotCanvas(mode: mode, columns: plot.width, rows: plot.height)
        let omitted = residualsOmitted(plot: plot)
        if let residuals, !omitted {
            let n = min(trainXs.count, trainYs.count, residuals.model.count)
            for i in 0..<n {
                guard let a = map.dot(x: trainXs[i], y: trainYs[i]), let b = map.dot(x: trainXs[i], y: residuals.model[i]),
                    trainYs[i].isFinite, residuals.model[i].isFinite
                else { continue }
                canvas.line(from: a, to: b, role: .fitResidual, marker: ":")
            }
        }
        if let level, let y = frame.yAxis.dot(level.value, dots: canvas.dotHeight) {
            canvas.line(from: (0, y), to: (canvas.dotWidth - 1, y), role: .diagonal, marker: "-", pattern: .dashed)
        }
        let cloud = PointCloud(
            trainXs: trainXs, trainYs: trainYs, testXs: testXs, testYs: testYs, trainAsMarkers: trainAsMarkers)
        let bold = cloud.draw(on: &canvas, xAxis: frame.xAxis, yAxis: frame.yAxis)
        // The reference first, so the live model is on top where the two cross.
        for curve in curves.reversed() { draw(curve, on: &canvas, map: map) }
        canvas.render(into: &buffer, area: plot)
        PointCloud.embolden(bold, plot: plot, in: &buffer)
        if trainXs.isEmpty && testXs.isEmpty {
            let text = "no data"
            buffer.write(text, x: plot.x + max(0, (plot.width - text.count) / 2), y: plot.y + plot.height / 2, role: .dim, clip: plot)
        } else if omitted {
            let note = plot.width >= Self.tooManyPointsNote.count ? Self.tooManyPointsNote : "residuals: too many points"
            buffer.write(note, x: max(plot.x, plot.right - note.count), y: plot.y, role: .dim, clip: plot)
        }
    }

    /// A curve as joined segments between its samples, in its dash pattern.
    private func draw(_ curve: Curve, on canvas: inout DotCanvas, map: ChartMapping) {
        var previous: (x: Int, y: Int)?
        for i in 0..<min(curve.xs.count, curve.ys.count) {
            guard curve.xs[i].isFinite, curve.ys[i].isFinite, let dot = map.dot(x: curve.xs[i], y: curve.ys[i]) else {
                previous = nil
                continue
            }
            if let previous {
                canvas.line(from: previous, to: dot, role: curve.role, marker: curve.marker, pattern: curve.pattern)
            } else if curve.pattern.draws(column: dot.x) {
                canvas.plot(x: dot.x, y: dot.y, role: curve.role, marker: curve.marker)
            }
            previous = dot
        }
    }

    /// The finite data's extent: pairs with a non-finite coordinate are left out, in one pass per set.
    private struct Bounds {
        var xLow = Double.infinity, xHigh = -Double.infinity, yLow = Double.infinity, yHigh = -Double.infinity

        mutating func extend(xs: [Double], ys: [Double]) {
            let n = min(xs.count, ys.count)
            var xl = xLow, xh = xHigh, yl = yLow, yh = yHigh
            xs.withUnsafeBufferPointer { xs in
                ys.withUnsafeBufferPointer { ys in
                    for i in 0..<n {
                        let x = xs[i], y = ys[i]
                        guard x.isFinite, y.isFinite else { continue }
                        if x < xl { xl = x }
                        if x > xh { xh = x }
                        if y < yl { yl = y }
                        if y > yh { yh = y }
                    }
                }
            }
            (xLow, xHigh, yLow, yHigh) = (xl, xh, yl, yh)
        }
    }
}
