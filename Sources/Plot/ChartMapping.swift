// Data units ↔ dots ↔ screen cells for one x–y chart: the one place both drawing and clicking map positions.
import Foundation

/// How a chart's data coordinates land on its plot area, and back. A chart draws with it; a click handler
/// asks it which data point a cell stands for (issue 15's point editing uses the same mapping).
public struct ChartMapping: Sendable, Equatable {
    public var xAxis: Axis
    public var yAxis: Axis
    /// The plot area in buffer coordinates (inside the axes).
    public var plot: Rect
    public var mode: RenderMode

    public init(xAxis: Axis, yAxis: Axis, plot: Rect, mode: RenderMode) {
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.plot = plot
        self.mode = mode
    }

    /// Width and height of the plot in dots.
    public var dotWidth: Int { plot.width * mode.dotsPerCell.x }
    public var dotHeight: Int { plot.height * mode.dotsPerCell.y }

    /// The dot (origin bottom-left of the plot) a data point lands on; nil when a value has no place on its
    /// axis (a log axis and a value ≤ 0, NaN). The dot may lie outside the plot: the canvas clips it.
    @inline(__always)
    public func dot(x: Double, y: Double) -> (x: Int, y: Int)? {
        guard let dx = xAxis.dot(x, dots: dotWidth), let dy = yAxis.dot(y, dots: dotHeight) else { return nil }
        return (dx, dy)
    }

    /// The buffer cell a data point is drawn in, nil outside the plot.
    public func cell(x: Double, y: Double) -> (x: Int, y: Int)? {
        guard let d = dot(x: x, y: y), d.x >= 0, d.y >= 0, d.x < dotWidth, d.y < dotHeight else { return nil }
        let (dpx, dpy) = mode.dotsPerCell
        return (plot.x + d.x / dpx, plot.y + (dotHeight - 1 - d.y) / dpy)
    }

    /// The data point at the centre of buffer cell (x, y), nil when the cell is outside the plot. Inverse of
    /// `cell(x:y:)` up to a cell's size, on linear and log axes alike.
    public func value(atCellX x: Int, y: Int) -> (x: Double, y: Double)? {
        guard plot.contains(x: x, y: y) else { return nil }
        let fx = (Double(x - plot.x) + 0.5) / Double(plot.width)
        let fy = (Double(plot.bottom - y) - 0.5) / Double(plot.height)
        return (Self.value(xAxis, fraction: fx), Self.value(yAxis, fraction: fy))
    }

    /// The data value at `fraction` of an axis (0 = lower end).
    static func value(_ axis: Axis, fraction: Double) -> Double {
        let t = axis.lower + fraction * (axis.upper - axis.lower)
        return axis.scale == .logarithmic ? pow(10, t) : t
    }
}
