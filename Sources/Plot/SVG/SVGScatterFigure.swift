// Predicted against actual as an SVG figure: a dot per row (train, test as squares) and the y = x diagonal.
import Foundation

/// The vector counterpart of `ScatterPlot`: both axes share one range so the diagonal is at 45°; train rows
/// are `<circle class="point train">`, test rows `<rect class="point test">`. Past `maximumPoints` a set is
/// thinned evenly (every k-th row), and the figure says so.
public struct SVGScatterFigure: Sendable {
    public var title: String
    public var subtitle: String?
    public var train: ScatterPlot.Points
    public var test: ScatterPlot.Points
    public var targetName: String

    public static let maximumPoints = 4000

    public init(
title: String, subtitle: String? = nil, train: ScatterPlot.Points, test: ScatterPlot.Points = .init(actual: [], predicted: []), targetName: String) {
        self.title = title
        self.subtitle = subtitle
        self.train = train
        self.test = test
        self.targetName = targetName
    }

    /// Every k-th pair, at most `maximumPoints` of them, finite ones only.
    public static func shown(_ points: ScatterPlot.Points) -> [(actual: Double, predicted: Double)] {
        let count = min(points.actual.count, points.predicted.count)
        let stride = max(1, (count + maximumPoints - 1) / maximumPoints)
        return Swift.stride(from: 0, to: count, by: stride).compactMap { i in
            let a = points.actual[i], p = points.predicted[i]
            return a.isFinite && p.isFinite ? (a, p) : nil
        }
    }

    public var frame: SVGPlotFrame {
        let values = (Self.shown(train) + Self.shown(test)).flatMap { [$0.actual, $0.predicted] }
        let axis = values.isEmpty ? Axis(from: 0, to: 1) : Axis.fitting(min: values.min(), max: values.max(), scale: .linear)
        var legend = [SVGLegendItem(name: "train", role: .scatterTrain, sample: .dot)]
        if !test.actual.isEmpty { legend.append(SVGLegendItem(name: "test", role: .scatterTest, sample: .square)) }
        legend.append(SVGLegendItem(name: "y = x (perfect prediction)", role: .diagonal, sample: .line(.dashed, width: 1.2)))
        // Square plot area: the diagonal at 45°.
        return SVGPlotFrame(
            width: 560, height: 520, title: title, subtitle: subtitle, legend: legend, xAxis: axis, yAxis: axis, xName: "actual \(targetName)",
            yName: "predicted \(targetName)", footer: 14)
    }

    public func svg() -> String {
        let frame = frame
        var document = SVGDocument(width: frame.width, height: frame.height, title: title)
        frame.drawFrame(into: &document)
        let n = SVGDocument.number
        document.open("g", ["clip-path": "url(#\(SVGPlotFrame.clipID))"])
        let lo = frame.xAxis.lower, hi = frame.xAxis.upper
        if let x0 = frame.x(lo), let y0 = frame.y(lo), let x1 = frame.x(hi), let y1 = frame.y(hi) {
            var attributes = [
                "class": "diagonal", "x1": n(x0), "y1": n(y0), "x2": n(x1), "y2": n(y1), "stroke": SVGPalette.colour(.diagonal),
                "stroke-width": "1.2",
            ]
            attributes["stroke-dasharray"] = SVGPalette.dashArray(.dashed)
            document.element("line", attributes)
        }
        let trainShown = Self.shown(train), testShown = Self.shown(test)
        document.open("g", ["class": "train", "fill": SVGPalette.colour(.scatterTrain), "fill-opacity": "0.55"])
        for point in trainShown {
            guard let x = frame.x(point.actual), let y = frame.y(point.predicted) else { continue }
            document.element("circle", ["class": "point train", "cx": n(x), "cy": n(y), "r": "2.6"])
        }
        document.close()
        document.open("g", ["class": "test", "fill": SVGPalette.colour(.scatterTest), "fill-opacity": "0.7"])
        for point in testShown {
            guard let x = frame.x(point.actual), let y = frame.y(point.predicted) else { continue }
            document.element("rect", ["class": "point test", "x": n(x - 2.4), "y": n(y - 2.4), "width": "4.8", "height": "4.8"])
        }
        document.close()
        document.close()
        let trainCount = min(train.actual.count, train.predicted.count), testCount = min(test.actual.count, test.predicted.count)
        var note = "\(trainCount) train rows" + (testCount > 0 ? ", \(testCount) test rows" : "")
        let stride = max(1, (max(trainCount, testCount) + Self.maximumPoints - 1) / Self.maximumPoints)
        if stride > 1 { note += "; one row in \(stride) shown" }
        document.element("text", ["class": "note", "x": n(frame.plotLeft), "y": n(frame.height - 8), "fill": "#555555", "font-size": "11"], text: note)
        return document.text
    }
}
