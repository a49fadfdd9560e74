// A line chart as an SVG figure: the series with their screen dash patterns, reference lines, log or linear y.
import Foundation

/// The vector counterpart of `LineChart`: the same series (points or buckets), fitted the same way, drawn as
/// one `<path class="series">` each, with each horizontal reference line as a `<line class="reference">`.
public struct SVGLineFigure: Sendable {
    public var title: String
    public var subtitle: String?
    public var series: [Series]
    public var referenceLines: [ReferenceLine]
    public var yScale: AxisScale
    public var xName: String
    public var yName: String
    public var xIsWhole: Bool

    public init(
        title: String, subtitle: String? = nil, series: [Series], referenceLines: [ReferenceLine] = [], yScale: AxisScale = .linear,
        xName: String, yName: String, xIsWhole: Bool = false
    ) {
        self.title = title
        self.subtitle = subtitle
        self.series = series
        self.referenceLines = referenceLines
        self.yScale = yScale
        self.xName = xName
        self.yName = yName
        self.xIsWhole = xIsWhole
    }

    /// The points a series is drawn through: raw points, or each bucket's last value at its last x.
    public static func points(of series: Series) -> [(x: Double, y: Double)] {
        switch series.data {
        case let .points(xs, ys): return zip(xs, ys).map { (x: $0, y: $1) }
        case let .buckets(buckets): return buckets.map { (x: $0.x1, y: $0.last) }
        }
    }

    static func strokeWidth(_ s: Series) -> Double { s.role == .ghost ? 1.5 : 2.2 }

    /// Layout and data transform (the axes fit the series and reference lines as the terminal chart's do).
    public var frame: SVGPlotFrame {
        let extent = DataExtent(series: series, yScale: yScale)
        let xAxis = Axis.fitting(min: extent.xMin, max: extent.xMax, scale: .linear, padding: 0)
        let refs = referenceLines.compactMap { yScale.transform($0.value) }
        let lo = ([extent.yMin].compactMap { $0 } + refs).min(), hi = ([extent.yMax].compactMap { $0 } + refs).max()
        var yAxis = Axis.fitting(min: lo, max: hi, scale: yScale)
        if lo == nil { yAxis = Axis(scale: yScale, from: yScale == .logarithmic ? 0.1 : 0, to: 1) }
        var legend = series.map {
            SVGLegendItem(name: $0.name, role: $0.role, sample: .line($0.pattern, width: Self.strokeWidth($0)))
        }
        legend += referenceLines.map { SVGLegendItem(name: $0.label, role: $0.role, sample: .line(.dashed, width: 1.4)) }
        return SVGPlotFrame(
            title: title, subtitle: subtitle, legend: legend, xAxis: xAxis, yAxis: yAxis, xName: xName,
            yName: yName + (yScale == .logarithmic ? " (log scale)" : ""), xMinimumStep: xIsWhole ? 1 : 0)
    }

    public func svg() -> String {
        let frame = frame
        var document = SVGDocument(width: frame.width, height: frame.height, title: title)
        frame.drawFrame(into: &document)
        let n = SVGDocument.number
        document.open("g", ["clip-path": "url(#\(SVGPlotFrame.clipID))", "fill": "none", "stroke-linejoin": "round"])
        for line in referenceLines {
            guard let y = frame.y(line.value) else { continue }
            var attributes = [
                "class": "reference", "x1": n(frame.plotLeft), "y1": n(y), "x2": n(frame.plotLeft + frame.plotWidth), "y2": n(y),
                "stroke": SVGPalette.colour(line.role), "stroke-width": "1.4",
            ]
            attributes["stroke-dasharray"] = SVGPalette.dashArray(.dashed)
            document.element("line", attributes)
        }
        // Ghosts first, so the live curves are drawn over them, as on screen.
        let ordered = series.filter { $0.role == .ghost } + series.filter { $0.role != .ghost }
        for s in ordered {
            let d = frame.pathData(Self.points(of: s))
            guard !d.isEmpty else { continue }
            var attributes = [
                "class": "series", "data-name": s.name, "d": d, "stroke": SVGPalette.colour(s.role),
                "stroke-width": n(Self.strokeWidth(s)),
            ]
            if let dashes = SVGPalette.dashArray(s.pattern) { attributes["stroke-dasharray"] = dashes }
            document.element("path", attributes)
        }
        document.close()
        // Labels after the data, so no line runs through them.
        for line in referenceLines {
            guard let y = frame.y(line.value) else { continue }
            document.element(
                "text", ["x": n(frame.plotLeft + 6), "y": n(y - 5), "fill": SVGPalette.colour(line.role), "font-size": "12",
                         "stroke": "#ffffff", "stroke-width": "3", "paint-order": "stroke"],
                text: line.label)
        }
        for s in ordered where s.marksLine {
            // A line that carries a marker on screen (a ghost's number) gets it at its right end.
            guard let last = Self.points(of: s).last(where: { frame.x($0.x) != nil && frame.y($0.y) != nil }),
                let x = frame.x(last.x), let y = frame.y(last.y)
            else { continue }
            document.element(
                "text", ["x": n(min(x + 3, frame.plotLeft + frame.plotWidth - 8)), "y": n(y - 4), "fill": SVGPalette.colour(s.role),
                         "font-size": "11"],
                text: String(s.marker))
        }
        return document.text
    }
}
