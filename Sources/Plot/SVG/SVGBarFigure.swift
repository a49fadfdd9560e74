// A signed bar chart as an SVG figure: one bar per coefficient around zero, its reference value as a diamond.
import Foundation

/// The vector counterpart of `BarChart`: a horizontal `<rect class="bar">` per value (positive and negative
/// in their own colours), and a `<path class="reference">` diamond at each bar's reference (w*).
public struct SVGBarFigure: Sendable {
    public var title: String
    public var subtitle: String?
    public var bars: [BarChart.Bar]
    public var valueName: String
    /// A line of text under the chart (the intercept, which on the bars' scale would dwarf them).
    public var note: String?
    public var referenceName: String

    public init(
title: String, subtitle: String? = nil, bars: [BarChart.Bar], valueName: String, referenceName: String = "w* (closed form)", note: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.bars = bars
        self.valueName = valueName
        self.referenceName = referenceName
        self.note = note
    }

    static let rowHeight = 26.0

    /// Layout and transform: x is the value axis (always holding zero), each bar a row from the top.
    public var frame: SVGPlotFrame {
        let values = bars.flatMap { [$0.value] + [$0.reference].compactMap { $0 } }.filter(\.isFinite) + [0]
        let xAxis = Axis.fitting(min: values.min(), max: values.max(), scale: .linear, padding: 0.08)
        let yAxis = Axis(from: 0, to: Double(max(1, bars.count)))
        var legend = [
            SVGLegendItem(name: "w > 0", role: .weightPositive, sample: .bar),
            SVGLegendItem(name: "w < 0", role: .weightNegative, sample: .bar),
        ]
        if bars.contains(where: { $0.reference != nil }) {
            legend.append(SVGLegendItem(name: referenceName, role: .weightOptimum, sample: .diamond))
        }
        let footer = note == nil ? 0.0 : 20.0
        let height = max(300, 130 + Self.rowHeight * Double(bars.count) + footer)
        // Room on the left for the names.
        let longest = bars.map { SVGLegend.textWidth($0.name, size: 12) }.max() ?? 0
        return SVGPlotFrame(
            height: height, title: title, subtitle: subtitle, legend: legend, xAxis: xAxis, yAxis: yAxis, xName: valueName, yName: "",
            leftMargin: max(SVGPlotFrame.margin.left, longest + 20), footer: footer)
    }

    /// The vertical centre of bar `index` (0 = top).
    public func rowCentre(_ index: Int, in frame: SVGPlotFrame) -> Double {
        frame.plotTop + (Double(index) + 0.5) * frame.plotHeight / Double(max(1, bars.count))
    }

    public func svg() -> String {
        let frame = frame
        var document = SVGDocument(width: frame.width, height: frame.height, title: title)
        frame.drawFrame(into: &document, yTicks: false)
        let n = SVGDocument.number
        let band = frame.plotHeight / Double(max(1, bars.count)), thickness = min(16, band * 0.62)
        guard let zero = frame.x(0) else { return document.text }
        document.element(
            "line", ["x1": n(zero), "y1": n(frame.plotTop), "x2": n(zero), "y2": n(frame.plotTop + frame.plotHeight),
                     "stroke": SVGPalette.axis, "stroke-width": "1.2"])
        for (index, bar) in bars.enumerated() {
            let y = rowCentre(index, in: frame)
            document.element(
                "text", ["x": n(frame.plotLeft - 8), "y": n(y + 4), "text-anchor": "end", "fill": SVGPalette.ink, "font-size": "12"],
                text: bar.name)
            if bar.value.isFinite, let end = frame.x(bar.value) {
                document.element(
                    "rect",
                    ["class": "bar", "data-name": bar.name, "x": n(min(zero, end)), "y": n(y - thickness / 2),
                     "width": n(abs(end - zero)), "height": n(thickness),
                     "fill": SVGPalette.colour(bar.value < 0 ? .weightNegative : .weightPositive)])
            }
            if let reference = bar.reference, reference.isFinite, let x = frame.x(reference) {
                document.element(
                    "path", ["class": "reference", "data-name": bar.name, "d": SVGMarks.diamond(x: x, y: y, size: min(7, band * 0.4)),
                             "fill": SVGPalette.colour(.weightOptimum), "stroke": "#ffffff", "stroke-width": "1"])
            }
        }
        if let note {
            document.element("text", ["class": "note", "x": n(frame.plotLeft), "y": n(frame.height - 10), "fill": SVGPalette.ink], text: note)
        }
        return document.text
    }
}
