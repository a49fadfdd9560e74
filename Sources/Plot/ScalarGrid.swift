// Values of a function sampled on a regular 2-D grid: what a Heatmap shows.

/// `columns × rows` samples over `xRange × yRange`, row-major with row 0 at the bottom (the lowest y).
public struct ScalarGrid: Sendable {
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var columns: Int
    public var rows: Int
    public var values: [Double]

    /// A grid from ready values; missing samples count as NaN (not drawn).
    public init(xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, columns: Int, rows: Int, values: [Double]) {
        self.xRange = xRange
        self.yRange = yRange
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        let count = self.columns * self.rows
        self.values = values.count >= count ? Array(values.prefix(count))
            : values + Array(repeating: .nan, count: count - values.count)
    }

    /// Samples `function` at the centre of each grid cell.
    public init(
        xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, columns: Int, rows: Int,
        function: (_ x: Double, _ y: Double) -> Double
    ) {
        let c = max(0, columns), r = max(0, rows)
        var values: [Double] = []
        values.reserveCapacity(c * r)
        for j in 0..<r {
            let y = yRange.lowerBound + (Double(j) + 0.5) / Double(r) * (yRange.upperBound - yRange.lowerBound)
            for i in 0..<c {
                let x = xRange.lowerBound + (Double(i) + 0.5) / Double(c) * (xRange.upperBound - xRange.lowerBound)
                values.append(function(x, y))
            }
        }
        self.init(xRange: xRange, yRange: yRange, columns: c, rows: r, values: values)
    }

    /// The sample nearest to fraction (fx, fy) of the ranges, each in 0...1 with fy = 0 at the bottom.
    func nearest(fx: Double, fy: Double) -> Double {
        guard columns > 0, rows > 0 else { return .nan }
        let i = min(columns - 1, max(0, Int(fx * Double(columns))))
        let j = min(rows - 1, max(0, Int(fy * Double(rows))))
        return values[j * columns + i]
    }
}
