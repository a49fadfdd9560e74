// The Fit view as an SVG figure: the data's points x against y in their units, the model's curve and the closed form's.
import Foundation

/// The vector counterpart of `FitChart`'s Fit view: train rows as `<circle class="point train">`, test rows as
/// `<rect class="point test">`, and each curve (the model solid, the closed form dashed) as one
/// `<path class="curve">`. The y axis follows the points, not the curves, as on screen: a wild polynomial is
/// clipped at the plot's edge instead of squashing the data into a line. Past `maximumPoints` a set is
/// thinned evenly (every k-th row), and the figure says so.
public struct SVGFitFigure: Sendable {
    public var title: String
    public var subtitle: String?
    public var trainXs: [Double]
    public var trainYs: [Double]
    public var testXs: [Double]
    public var testYs: [Double]
    /// Drawn in order over the points; each sampled densely across the x axis by the caller.
    public var curves: [FitChart.Curve]
    public var xName: String
    public var yName: String

    public static let maximumPoints = SVGScatterFigure.maximumPoints

    public init(
        title: String, subtitle: String? = nil, trainXs: [Double], trainYs: [Double], testXs: [Double] = [], testYs: [Double] = [],
        curves: [FitChart.Curve] = [], xName: String, yName: String
    ) {
        self.title = title
        self.subtitle = subtitle
        self.trainXs = trainXs
        self.trainYs = trainYs
        self.testXs = testXs
        self.testYs = testYs
        self.curves = curves
        self.xName = xName
        self.yName = yName
    }

    /// Every k-th (x, y), at most `maximumPoints` of them, finite ones only.
    public static func shown(_ xs: [Double], _ ys: [Double]) -> [(x: Double, y: Double)] {
        let count = min(xs.count, ys.count)
        let stride = max(1, (count + maximumPoints - 1) / maximumPoints)
        return Swift.stride(from: 0, to: count, by: stride).compactMap { i in
            xs[i].isFinite && ys[i].isFinite ? (xs[i], ys[i]) : nil
        }
    }

    /// The x range the axes give the points (with the chart's padding): where a caller samples its curves.
    public var xAxis: Axis {
        let xs = (Self.shown(trainXs, trainYs) + Self.shown(testXs, testYs)).map(\.x)
        return xs.isEmpty ? Axis(from: 0, to: 1) : Axis.fitting(min: xs.min(), max: xs.max(), scale: .linear)
    }

    static func strokeWidth(_ curve: FitChart.Curve) -> Double { curve.pattern == .solid ? 2.4 : 1.8 }

    public var frame: SVGPlotFrame {
        let ys = (Self.shown(trainXs, trainYs) + Self.shown(testXs, testYs)).map(\.y)
        let yAxis = ys.isEmpty ? Axis(from: 0, to: 1) : Axis.fitting(min: ys.min(), max: ys.max(), scale: .linear)
        var legend = [SVGLegendItem(name: "train", role: .scatterTrain, sample: .dot)]
        if !testXs.isEmpty { legend.append(SVGLegendItem(name: "test", role: .scatterTest, sample: .square)) }
        legend += curves.map { SVGLegendItem(name: $0.name, role: $0.role, sample: .line($0.pattern, width: Self.strokeWidth($0))) }
        return SVGPlotFrame(
            title: title, subtitle: subtitle, legend: legend, xAxis: xAxis, yAxis: yAxis, xName: xName, yName: yName, footer: 14)
    }

    /// Path data through a curve's samples. A sample far off the plot is pulled to a plot height beyond its edge
    /// (the clip hides it; the numbers stay printable); a non-finite one breaks the line.
    static func curveData(_ curve: FitChart.Curve, frame: SVGPlotFrame) -> String {
        let n = SVGDocument.number
        let top = frame.plotTop - frame.plotHeight, bottom = frame.plotTop + 2 * frame.plotHeight
        var d = "", pen = false
        for (x, y) in zip(curve.xs, curve.ys) {
            guard x.isFinite, y.isFinite, let px = frame.x(x), let py = frame.y(y) else { pen = false; continue }
            d += (pen ? "L" : "M") + n(px) + " " + n(min(bottom, max(top, py)))
            pen = true
        }
        return d
    }

    public func svg() -> String {
        let frame = frame
        var document = SVGDocument(width: frame.width, height: frame.height, title: title)
        frame.drawFrame(into: &document)
        let n = SVGDocument.number
        document.open("g", ["clip-path": "url(#\(SVGPlotFrame.clipID))"])
        document.open("g", ["class": "train", "fill": SVGPalette.colour(.scatterTrain), "fill-opacity": "0.55"])
        for point in Self.shown(trainXs, trainYs) {
            guard let x = frame.x(point.x), let y = frame.y(point.y) else { continue }
            document.element("circle", ["class": "point train", "cx": n(x), "cy": n(y), "r": "2.6"])
        }
        document.close()
        document.open("g", ["class": "test", "fill": SVGPalette.colour(.scatterTest), "fill-opacity": "0.7"])
        for point in Self.shown(testXs, testYs) {
            guard let x = frame.x(point.x), let y = frame.y(point.y) else { continue }
            document.element("rect", ["class": "point test", "x": n(x - 2.4), "y": n(y - 2.4), "width": "4.8", "height": "4.8"])
        }
        document.close()
        for curve in curves {
            var attributes = [
                "class": "curve", "data-name": curve.name, "d": Self.curveData(curve, frame: frame), "fill": "none",
                "stroke": SVGPalette.colour(curve.role), "stroke-width": n(Self.strokeWidth(curve)), "stroke-linejoin": "round",
            ]
            if let dashes = SVGPalette.dashArray(curve.pattern) { attributes["stroke-dasharray"] = dashes }
            document.element("path", attributes)
        }
        document.close()
        let trainCount = min(trainXs.count, trainYs.count), testCount = min(testXs.count, testYs.count)
        var note = "\(trainCount) train rows" + (testCount > 0 ? ", \(testCount) test rows" : "")
        let stride = max(1, (max(trainCount, testCount) + Self.maximumPoints - 1) / Self.maximumPoints)
        if stride > 1 { note += "; one row in \(stride) shown" }
        document.element("text", ["class": "note", "x": n(frame.plotLeft), "y": n(frame.height - 8), "fill": "#555555", "font-size": "11"], text: note)
        return document.text
    }
}
