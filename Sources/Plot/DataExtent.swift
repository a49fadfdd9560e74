// The x and y extent of a set of series, found in one pass over their data.

/// The data ranges of a set of series, in x data units and y axis units.
struct DataExtent {
    var xMin: Double?
    var xMax: Double?
    var yMin: Double?
    var yMax: Double?
    /// True when no point can be drawn at all.
    var isEmpty: Bool { yMin == nil }

    init(series: [Series], yScale: AxisScale) {
        var xLo = Double.infinity, xHi = -Double.infinity, yLo = Double.infinity, yHi = -Double.infinity
        for s in series {
            switch s.data {
            case let .points(xs, ys):
                for i in 0..<min(xs.count, ys.count) where xs[i].isFinite && ys[i].isFinite {
                    // The x range covers points the y axis cannot place (≤ 0 on log), so their gap shows.
                    if xs[i] < xLo { xLo = xs[i] }
                    if xs[i] > xHi { xHi = xs[i] }
                    guard let t = yScale.transform(ys[i]) else { continue }
                    if t < yLo { yLo = t }
                    if t > yHi { yHi = t }
                }
            case let .buckets(buckets):
                for b in buckets where b.x0.isFinite && b.x1.isFinite {
                    let values = [b.min, b.max, b.last].compactMap { yScale.transform($0) }
                    xLo = min(xLo, b.x0, b.x1)
                    xHi = max(xHi, b.x0, b.x1)
                    guard let lo = values.min(), let hi = values.max() else { continue }
                    yLo = min(yLo, lo)
                    yHi = max(yHi, hi)
                }
            }
        }
        if xLo <= xHi { (xMin, xMax) = (xLo, xHi) }
        if yLo <= yHi { (yMin, yMax) = (yLo, yHi) }
    }
}
