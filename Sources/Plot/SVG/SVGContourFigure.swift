// The loss landscape as an SVG figure: level lines of the loss, the path the run took, and the optimum.
import Foundation

/// The vector counterpart of `Heatmap`: a `<path class="contour">` per level (log-spaced, dark where the
/// loss is low), the trajectory as `<path class="path">` ending at the current model, the optimum a diamond.
public struct SVGContourFigure: Sendable {
    public var title: String
    public var subtitle: String?
    public var grid: ScalarGrid
    public var path: [(x: Double, y: Double)]
    public var optimum: (x: Double, y: Double)?
    public var xName: String
    public var yName: String
    public var note: String?
    public var levelCount: Int

    public init(
        title: String, subtitle: String? = nil, grid: ScalarGrid, path: [(x: Double, y: Double)], optimum: (x: Double, y: Double)?, xName: String,
        yName: String, note: String? = nil, levelCount: Int = 14
    ) {
        self.title = title
        self.subtitle = subtitle
        self.grid = grid
        self.path = path
        self.optimum = optimum
        self.xName = xName
        self.yName = yName
        self.note = note
        self.levelCount = levelCount
    }

    public var frame: SVGPlotFrame {
        var legend = [
            SVGLegendItem(name: "loss contours (log-spaced)", role: .heatLow, sample: .line(.solid, width: 1)),
            SVGLegendItem(name: "path of the run", role: .path, sample: .line(.solid, width: 2)),
            SVGLegendItem(name: "now", role: .path, sample: .dot),
        ]
        if optimum != nil { legend.append(SVGLegendItem(name: "optimum (closed form)", role: .marker, sample: .diamond)) }
        return SVGPlotFrame(
            width: 600, height: 520, title: title, subtitle: subtitle, legend: legend,
            xAxis: Axis(from: grid.xRange.lowerBound, to: grid.xRange.upperBound),
            yAxis: Axis(from: grid.yRange.lowerBound, to: grid.yRange.upperBound), xName: xName, yName: yName,
            footer: note == nil ? 0 : 14)
    }

    /// A colour between the low (dark) and high (light) ends, `t` in 0...1.
    static func shade(_ t: Double) -> String {
        let low = (0x1b, 0x3a, 0x6b), high = (0xb8, 0xcc, 0xe6)
        func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * max(0, min(1, t))).rounded()) }
        let hex = [mix(low.0, high.0), mix(low.1, high.1), mix(low.2, high.2)].map { String($0, radix: 16) }
            .map { $0.count < 2 ? "0" + $0 : $0 }
        return "#" + hex.joined()
    }

    public func svg() -> String {
        let frame = frame
        var document = SVGDocument(width: frame.width, height: frame.height, title: title)
        frame.drawFrame(into: &document)
        let n = SVGDocument.number
        document.open("g", ["clip-path": "url(#\(SVGPlotFrame.clipID))", "fill": "none"])
        let levels = ContourLines.levels(of: grid, count: levelCount, logarithmic: true)
        for (index, level) in levels.enumerated() {
            var d = ""
            for segment in ContourLines.segments(of: grid, level: level) {
                guard let x0 = frame.x(segment.from.x), let y0 = frame.y(segment.from.y), let x1 = frame.x(segment.to.x),
                    let y1 = frame.y(segment.to.y)
                else { continue }
                d += "M\(n(x0)) \(n(y0))L\(n(x1)) \(n(y1))"
            }
            guard !d.isEmpty else { continue }
            document.element(
                "path", ["class": "contour", "data-level": "\(level)", "d": d, "stroke": Self.shade(Double(index) / Double(max(1, levels.count - 1))),
                         "stroke-width": "1"])
        }
        let pathData = frame.pathData(path)
        if !pathData.isEmpty {
            document.element(
                "path", ["class": "path", "d": pathData, "stroke": SVGPalette.colour(.path), "stroke-width": "2",
                         "stroke-linejoin": "round"])
        }
        document.close()
        if let first = path.first, let x = frame.x(first.x), let y = frame.y(first.y) {
            document.element("circle", ["class": "start", "cx": n(x), "cy": n(y), "r": "3.5", "fill": "#ffffff", "stroke": SVGPalette.colour(.path), "stroke-width": "1.5"])
        }
        if let last = path.last, let x = frame.x(last.x), let y = frame.y(last.y) {
            document.element("circle", ["class": "now", "cx": n(x), "cy": n(y), "r": "4", "fill": SVGPalette.colour(.path)])
        }
        if let optimum, let x = frame.x(optimum.x), let y = frame.y(optimum.y) {
            document.element(
                "path", ["class": "optimum", "d": SVGMarks.diamond(x: x, y: y, size: 7), "fill": SVGPalette.colour(.marker),
                         "stroke": "#ffffff", "stroke-width": "1"])
        }
        if let note {
            document.element("text", ["class": "note", "x": n(frame.plotLeft), "y": n(frame.height - 8), "fill": "#555555", "font-size": "11"], text: note)
        }
        return document.text
    }
}
