// The loss sampled over two parameters: what a landscape heatmap draws.

/// `columns × rows` values over `xRange × yRange`, row-major, row 0 at the bottom (lowest y), sampled at cell
/// centres: the layout of `Plot.ScalarGrid`, so the UI can hand the values over as they are.
public struct LossGrid: Sendable {
    /// The parameter indices on x and y (index d is the intercept).
    public var axes: (Int, Int)
    public var names: (String, String)
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var columns: Int
    public var rows: Int
    public var values: [Double]
    public var minimum: Double
    public var maximum: Double

    /// The value at grid cell (column, row).
    public func value(column: Int, row: Int) -> Double {
        values[row * columns + column]
    }
}
