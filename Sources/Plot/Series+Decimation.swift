// Turning a long run of raw points into a few buckets (min/max/last per x slice) that keep its shape.

extension Series {
    /// This series as at most `count` buckets over equal slices of its x range, computed in one pass.
    ///
    /// Each bucket keeps the minimum, maximum and last finite y of its slice, so spikes survive; empty slices
    /// are left out. Points with NaN/inf coordinates are skipped. Bucket series are returned unchanged.
    /// Useful to cache a long raw history once instead of passing every point each frame.
    public func decimated(into count: Int) -> Series {
        guard case let .points(xs, ys) = data, count > 0 else { return self }
        let n = min(xs.count, ys.count)
        var lo = Double.infinity, hi = -Double.infinity
        for i in 0..<n where xs[i].isFinite && ys[i].isFinite {
            lo = Swift.min(lo, xs[i])
            hi = Swift.max(hi, xs[i])
        }
        var copy = self
        guard lo <= hi else {
            copy.data = .buckets([])
            return copy
        }
        var buckets: [Bucket?] = Array(repeating: nil, count: count)
        let width = hi > lo ? (hi - lo) / Double(count) : 1
        for i in 0..<n where xs[i].isFinite && ys[i].isFinite {
            let k = Swift.min(count - 1, Int((xs[i] - lo) / width))
            if var b = buckets[k] {
                b.x0 = Swift.min(b.x0, xs[i])
                b.x1 = Swift.max(b.x1, xs[i])
                b.min = Swift.min(b.min, ys[i])
                b.max = Swift.max(b.max, ys[i])
                b.last = ys[i]
                buckets[k] = b
            } else {
                buckets[k] = Bucket(x0: xs[i], x1: xs[i], min: ys[i], max: ys[i], last: ys[i])
            }
        }
        copy.data = .buckets(buckets.compactMap { $0 })
        return copy
    }
}
