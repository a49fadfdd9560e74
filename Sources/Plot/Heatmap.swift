// A shaded 2-D function (the loss landscape) with banded levels, a path over it and a marked point.
import Foundation

/// Shades each cell by the grid value nearest its centre, in bands that read as contours.
///
/// Unicode shading runs ` ·░▒▓█` (low to high), ASCII ` .:-=+*#%@`; roles go heatmap.low/mid/high by third.
/// The path is drawn at dot resolution over the shading, ending in `●` (ASCII: `o` dots ending in `O`, letters the shading never uses), and the marked point
/// (the optimum) is `◆` (ASCII `X`). Cost is O(cells + path points).
public struct Heatmap: Sendable {
    public var title: String?
    public var grid: ScalarGrid
    /// Shade by log10 of the value above the minimum, so valleys keep their detail.
    public var logScale: Bool
    public var path: [(x: Double, y: Double)]
    public var marker: (x: Double, y: Double)?
    /// The legend's word for the marked point.
    public var markerName: String
    public var mode: RenderMode

    public init(
        title: String? = nil, grid: ScalarGrid, logScale: Bool = false, path: [(x: Double, y: Double)] = [],
        marker: (x: Double, y: Double)? = nil, markerName: String = "optimum", mode: RenderMode = .braille
    ) {
        self.title = title
        self.grid = grid
        self.logScale = logScale
        self.path = path
        self.marker = marker
        self.markerName = markerName
        self.mode = mode
    }

    static let shades: [Character] = [" ", "·", "░", "▒", "▓", "█"]
    static let shadesASCII: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

    private var frame: ChartFrame {
        let xAxis = Axis(from: grid.xRange.lowerBound, to: grid.xRange.upperBound)
        let yAxis = Axis(from: grid.yRange.lowerBound, to: grid.yRange.upperBound)
        let unicode = mode.usesUnicode
        var legend: [LegendEntry] = []
        if !path.isEmpty { legend.append(LegendEntry(symbol: unicode ? "●" : "O", name: "path", role: .path)) }
        if marker != nil { legend.append(LegendEntry(symbol: unicode ? "◆" : "X", name: markerName, role: .marker)) }
        return ChartFrame(title: title, legend: legend, xAxis: xAxis, yAxis: yAxis, mode: mode)
    }

    /// Where the grid's coordinates land when the map is drawn in `area` (and which point a cell stands for).
    public func mapping(area: Rect) -> ChartMapping {
        let frame = self.frame
        return ChartMapping(xAxis: frame.xAxis, yAxis: frame.yAxis, plot: frame.layout(in: area).plot, mode: mode)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let frame = self.frame
        let xAxis = frame.xAxis, yAxis = frame.yAxis
        let unicode = mode.usesUnicode
        let plot = frame.render(into: &buffer, area: area)
        guard !plot.isEmpty else { return }

        let finite = grid.values.filter(\.isFinite)
        let shades = unicode ? Self.shades : Self.shadesASCII
        if let lo = finite.min(), let hi = finite.max() {
            for row in 0..<plot.height {
                let fy = (Double(plot.height - 1 - row) + 0.5) / Double(plot.height)
                for column in 0..<plot.width {
                    let fx = (Double(column) + 0.5) / Double(plot.width)
                    guard let level = level(grid.nearest(fx: fx, fy: fy), lo: lo, hi: hi) else { continue }
                    let band = min(shades.count - 1, Int(level * Double(shades.count)))
                    let role: StyleRole = level < 1.0 / 3 ? .heatLow : level < 2.0 / 3 ? .heatMid : .heatHigh
                    buffer[plot.x + column, plot.y + row] = Cell(shades[band], role: role)
                }
            }
        } else {
            let text = "no data"
            buffer.write(text, x: plot.x + max(0, (plot.width - text.count) / 2), y: plot.y + plot.height / 2,
                         role: .dim, clip: plot)
        }

        var canvas = DotCanvas(mode: mode, columns: plot.width, rows: plot.height)
        let w = canvas.dotWidth, h = canvas.dotHeight
        func dots(_ p: (x: Double, y: Double)) -> (x: Int, y: Int)? {
            guard let x = xAxis.dot(p.x, dots: w), let y = yAxis.dot(p.y, dots: h) else { return nil }
            return (x, y)
        }
        var previous: (x: Int, y: Int)?
        for point in path {
            guard let d = dots(point) else { previous = nil; continue }
            if let p = previous {
                canvas.line(from: p, to: d, role: .path, marker: "o")
            } else {
                canvas.plot(x: d.x, y: d.y, role: .path, marker: "o")
            }
            previous = d
        }
        if let end = path.last.flatMap(dots), let cell = canvas.cellPosition(x: end.x, y: end.y) {
            canvas.overlay(column: cell.column, row: cell.row, cell: Cell(unicode ? "●" : "O", role: .path, attributes: .bold))
        }
        if let marker, let d = dots(marker), let cell = canvas.cellPosition(x: d.x, y: d.y) {
            canvas.overlay(column: cell.column, row: cell.row, cell: Cell(unicode ? "◆" : "X", role: .marker, attributes: .bold))
        }
        canvas.render(into: &buffer, area: plot)
    }

    /// Where `value` sits between `lo` and `hi`, 0...1 (log-spaced when `logScale`); nil for NaN/inf.
    private func level(_ value: Double, lo: Double, hi: Double) -> Double? {
        guard value.isFinite else { return nil }
        guard hi > lo else { return 0 }
        if logScale {
            // Offset so the minimum maps to 0 and the range spans three decades.
            let floor = (hi - lo) * 1e-3
            return log10((value - lo + floor) / floor) / log10((hi - lo + floor) / floor)
        }
        return (value - lo) / (hi - lo)
    }
}
