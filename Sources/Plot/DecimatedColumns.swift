// Min/max/first/last of a series per dot column: how a million points become one pass over the columns.

/// A series reduced to one summary per dot column, in y-axis units, so drawing costs O(columns).
///
/// Keeping the minimum and maximum of each column keeps spikes that plain subsampling would lose.
struct DecimatedColumns {
    var minimum: [Double]
    var maximum: [Double]
    /// First value of each column; nil-equivalent (NaN) for buckets, whose first value is unknown.
    var first: [Double]
    var last: [Double]
    var filled: [Bool]
    /// Points in the x range that have no place on the y axis (≤ 0 on a log axis).
    var unplaceable = 0

    init(columns: Int) {
        minimum = Array(repeating: .infinity, count: columns)
        maximum = Array(repeating: -.infinity, count: columns)
        first = Array(repeating: .nan, count: columns)
        last = Array(repeating: .nan, count: columns)
        filled = Array(repeating: false, count: columns)
    }

    /// Bins raw points in one O(points) pass; points with NaN/inf coordinates or outside the x range are skipped.
    init(xs: [Double], ys: [Double], columns: Int, xAxis: Axis, yScale: AxisScale) {
        self.init(columns: columns)
        guard columns > 0 else { return }
        for i in 0..<min(xs.count, ys.count) {
            guard let c = xAxis.dot(xs[i], dots: columns), c >= 0, c < columns, ys[i].isFinite else { continue }
            guard let t = yScale.transform(ys[i]) else { unplaceable += 1; continue }
            add(t, column: c, isFirst: !filled[c])
        }
    }

    /// Bins pre-decimated buckets by the middle of their x span. On a log axis a bucket whose minimum is
    /// ≤ 0 is drawn only down to its smallest known positive value: an honest lower bound, not a fake one.
    init(buckets: [Series.Bucket], columns: Int, xAxis: Axis, yScale: AxisScale) {
        self.init(columns: columns)
        guard columns > 0 else { return }
        for b in buckets {
            guard let c = xAxis.dot((b.x0 + b.x1) / 2, dots: columns), c >= 0, c < columns else { continue }
            let values = [b.min, b.max, b.last].compactMap { yScale.transform($0) }
            guard let lo = values.min(), let hi = values.max() else { unplaceable += 1; continue }
            if yScale.transform(b.min) == nil { unplaceable += 1 }
            add(lo, column: c, isFirst: false)
            add(hi, column: c, isFirst: false)
            if let t = yScale.transform(b.last) { last[c] = t }
        }
    }

    private mutating func add(_ t: Double, column c: Int, isFirst: Bool) {
        if t < minimum[c] { minimum[c] = t }
        if t > maximum[c] { maximum[c] = t }
        if isFirst { first[c] = t }
        last[c] = t
        filled[c] = true
    }
}
