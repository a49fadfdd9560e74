// Level lines of a sampled surface by marching squares: the segments where it crosses each value.
import Foundation

/// Contours of a `ScalarGrid` (samples at cell centres), as line segments in data coordinates.
public enum ContourLines {
    public typealias Segment = (from: (x: Double, y: Double), to: (x: Double, y: Double))

    /// `count` levels between the grid's smallest and largest finite values (exclusive): evenly spaced, or
    /// evenly in log10 when `logarithmic` (the positive values only), as the heatmap shades them.
    public static func levels(of grid: ScalarGrid, count: Int, logarithmic: Bool) -> [Double] {
        let values = grid.values.filter { $0.isFinite && (!logarithmic || $0 > 0) }
        guard let lo = values.min(), let hi = values.max(), hi > lo, count > 0 else { return [] }
        return (1...count).map { k in
            let t = Double(k) / Double(count + 1)
            return logarithmic ? pow(10, log10(lo) + t * (log10(hi) - log10(lo))) : lo + t * (hi - lo)
        }
    }

    /// The segments of level `level`: each lattice square whose corners straddle it contributes one (two at
    /// a saddle), the crossing points placed by linear interpolation along the edges.
    public static func segments(of grid: ScalarGrid, level: Double) -> [Segment] {
        let c = grid.columns, r = grid.rows
        guard c >= 2, r >= 2, grid.values.count >= c * r else { return [] }
        let dx = (grid.xRange.upperBound - grid.xRange.lowerBound) / Double(c)
        let dy = (grid.yRange.upperBound - grid.yRange.lowerBound) / Double(r)
        func point(_ column: Double, _ row: Double) -> (x: Double, y: Double) {
            (grid.xRange.lowerBound + (column + 0.5) * dx, grid.yRange.lowerBound + (row + 0.5) * dy)
        }
        func value(_ column: Int, _ row: Int) -> Double { grid.values[row * c + column] }
        var out: [Segment] = []
        for row in 0..<(r - 1) {
            for column in 0..<(c - 1) {
                // Corners counter-clockwise from the bottom left.
                let v = [value(column, row), value(column + 1, row), value(column + 1, row + 1), value(column, row + 1)]
                guard v.allSatisfy(\.isFinite) else { continue }
                let corners = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]
                // Crossing on edge k (corner k to corner k+1), if the level lies between their values.
                var crossings: [(x: Double, y: Double)] = []
                for k in 0..<4 {
                    let a = v[k], b = v[(k + 1) % 4]
                    guard (a < level) != (b < level) else { continue }
                    let t = (level - a) / (b - a)
                    let p = corners[k], q = corners[(k + 1) % 4]
                    crossings.append(point(Double(column) + p.0 + t * (q.0 - p.0), Double(row) + p.1 + t * (q.1 - p.1)))
                }
                if crossings.count == 2 {
                    out.append((crossings[0], crossings[1]))
                } else if crossings.count == 4 {
                    // A saddle: pair the crossings by the centre's side.
                    let centre = v.reduce(0, +) / 4
                    if (centre < level) == (v[0] < level) {
                        out.append((crossings[0], crossings[1]))
                        out.append((crossings[2], crossings[3]))
                    } else {
                        out.append((crossings[1], crossings[2]))
                        out.append((crossings[3], crossings[0]))
                    }
                }
            }
        }
        return out
    }
}
