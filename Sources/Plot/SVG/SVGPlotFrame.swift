// The frame of a vector chart: title, legend, plot rectangle, axes with Plot's ticks, and where data lands.
import Foundation

/// A chart's page layout and its data transform. The ticks are `Axis.ticks`, the same 1-2-5 steps and
/// powers of ten (and the same labels) the terminal charts use.
public struct SVGPlotFrame: Sendable {
    public var width: Double
    public var height: Double
    public var title: String
    /// A second, lighter title line (what run this is).
    public var subtitle: String?
    public var xAxis: Axis
    public var yAxis: Axis
    public var xName: String
    public var yName: String
    /// x counts whole things (steps): no ticks between two of them.
    public var xMinimumStep: Double
    /// Room under the x axis's name for a line of notes.
    public var footer: Double
    var legend: SVGLegend

    /// The plot rectangle in user units.
    public private(set) var plotLeft = 0.0, plotTop = 0.0, plotWidth = 0.0, plotHeight = 0.0

    public static let margin = (left: 74.0, right: 24.0, bottom: 52.0)

    public init(
        width: Double = 640, height: Double = 400, title: String, subtitle: String? = nil, legend: [SVGLegendItem],
        xAxis: Axis, yAxis: Axis,
        xName: String, yName: String, xMinimumStep: Double = 0, leftMargin: Double = SVGPlotFrame.margin.left,
        footer: Double = 0
    ) {
        self.width = width
        self.height = height
        self.title = title
        self.subtitle = subtitle
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.xName = xName
        self.yName = yName
        self.xMinimumStep = xMinimumStep
        self.footer = footer
        self.legend = SVGLegend(items: legend)
        plotLeft = leftMargin
        plotWidth = width - leftMargin - Self.margin.right
        let legendRows = Double(self.legend.rows(width: plotWidth))
        plotTop = legendTop + legendRows * SVGLegend.rowHeight + 8
        plotHeight = height - plotTop - Self.margin.bottom - footer
    }

    var legendTop: Double { subtitle == nil ? 30 : 46 }

    /// The SVG x of data value `value`, nil when it has no place on the axis.
    public func x(_ value: Double) -> Double? {
        xAxis.fraction(value).map { plotLeft + $0 * plotWidth }
    }

    /// The SVG y of data value `value` (up is smaller y), nil when it has no place (≤ 0 on a log axis).
    public func y(_ value: Double) -> Double? {
        yAxis.fraction(value).map { plotTop + (1 - $0) * plotHeight }
    }

    /// The id of the clip path that keeps data inside the plot rectangle.
    static let clipID = "plot-area"

    /// Title, legend, grid lines, axes, ticks and their labels, axis names, and the clip path for the data.
    func drawFrame(into document: inout SVGDocument, yTicks showsYTicks: Bool = true) {
        let n = SVGDocument.number
        document.element(
            "text", ["class": "title", "x": n(plotLeft), "y": "22", "font-size": "16", "font-weight": "bold", "fill": SVGPalette.ink],
            text: title)
        if let subtitle {
            document.element("text", ["class": "subtitle", "x": n(plotLeft), "y": "39", "font-size": "12", "fill": "#555555"], text: subtitle)
        }
        legend.draw(into: &document, x: plotLeft, y: legendTop, width: plotWidth)
        document.open("defs", [:])
        document.open("clipPath", ["id": Self.clipID])
        document.element("rect", ["x": n(plotLeft), "y": n(plotTop), "width": n(plotWidth), "height": n(plotHeight)])
        document.close("clipPath")
        document.close("defs")

        let bottom = plotTop + plotHeight, right = plotLeft + plotWidth
        let xTicks = xAxis.ticks(maxCount: max(2, Int(plotWidth / 70)), labelWidth: 9, minimumStep: xMinimumStep)
        let yTicks = showsYTicks ? yAxis.ticks(maxCount: max(2, Int(plotHeight / 40)), labelWidth: 9) : []
        document.open("g", ["class": "grid", "stroke": SVGPalette.grid, "stroke-width": "1"])
        for tick in xTicks { if let x = x(tick.value) { document.element("line", ["x1": n(x), "y1": n(plotTop), "x2": n(x), "y2": n(bottom)]) } }
        for tick in yTicks { if let y = y(tick.value) { document.element("line", ["x1": n(plotLeft), "y1": n(y), "x2": n(right), "y2": n(y)]) } }
        document.close()

        document.open("g", ["class": "axes", "stroke": SVGPalette.axis, "stroke-width": "1.2", "fill": "none"])
        document.element("rect", ["x": n(plotLeft), "y": n(plotTop), "width": n(plotWidth), "height": n(plotHeight)])
        for tick in xTicks { if let x = x(tick.value) { document.element("line", ["x1": n(x), "y1": n(bottom), "x2": n(x), "y2": n(bottom + 5)]) } }
        for tick in yTicks { if let y = y(tick.value) { document.element("line", ["x1": n(plotLeft - 5), "y1": n(y), "x2": n(plotLeft), "y2": n(y)]) } }
        document.close()

        document.open("g", ["class": "tick-labels", "fill": SVGPalette.ink, "font-size": "12"])
        for tick in xTicks {
            if let x = x(tick.value) { document.element("text", ["x": n(x), "y": n(bottom + 19), "text-anchor": "middle"], text: tick.label) }
        }
        for tick in yTicks {
            if let y = y(tick.value) { document.element("text", ["x": n(plotLeft - 8), "y": n(y + 4), "text-anchor": "end"], text: tick.label) }
        }
        document.close()
        document.element(
            "text", ["class": "axis-name", "x": n(plotLeft + plotWidth / 2), "y": n(height - footer - 10), "text-anchor": "middle", "fill": SVGPalette.ink],
            text: xName)
        let middle = plotTop + plotHeight / 2
        document.element(
            "text",
            ["class": "axis-name", "x": "18", "y": n(middle), "text-anchor": "middle", "fill": SVGPalette.ink,
             "transform": "rotate(-90 18 \(n(middle)))"],
            text: yName)
    }

    /// Path data through the points that have a place on both axes; a point without one breaks the line.
    func pathData(_ points: [(x: Double, y: Double)]) -> String {
        var d = "", pen = false
        let n = SVGDocument.number
        for point in points {
            guard let x = x(point.x), let y = y(point.y) else { pen = false; continue }
            d += (pen ? "L" : "M") + n(x) + " " + n(y)
            pen = true
        }
        return d
    }
}
