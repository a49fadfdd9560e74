// One named line of a chart: raw points, or a history already decimated into column buckets.

/// A named data series drawn in one role.
public struct Series: Sendable {
    /// A run of consecutive points summarised for one column: what an engine keeps of a long loss history.
    /// Mirrors the Engine's loss-curve buckets (firstStep, lastStep, min, max, last) without importing it.
    public struct Bucket: Sendable, Hashable {
        public var x0: Double
        public var x1: Double
        public var min: Double
        public var max: Double
        public var last: Double

        public init(x0: Double, x1: Double, min: Double, max: Double, last: Double) {
            self.x0 = x0
            self.x1 = x1
            self.min = min
            self.max = max
            self.last = last
        }
    }

    /// The data of a series.
    public enum Data: Sendable {
        /// Points as parallel arrays (extra elements of the longer one are ignored).
        case points(xs: [Double], ys: [Double])
        /// Pre-decimated buckets in increasing x.
        case buckets([Bucket])
    }

    public var name: String
    public var role: StyleRole
    /// The character drawn for this series in ASCII mode and shown in its legend there.
    public var marker: Character
    /// The dash pattern: it tells series apart on monochrome screens, where roles have no colour.
    public var pattern: LinePattern
    /// Writes `marker` on the line every few cells in every mode (not only ASCII), naming the line where it
    /// runs; a chart staggers the marks of several such series so they do not land on one another.
    public var marksLine: Bool
    public var data: Data

    public init(
        name: String, role: StyleRole, marker: Character = "*", pattern: LinePattern = .solid, marksLine: Bool = false,
        xs: [Double], ys: [Double]
    ) {
        self.init(name: name, role: role, marker: marker, pattern: pattern, marksLine: marksLine, data: .points(xs: xs, ys: ys))
    }

    public init(
        name: String, role: StyleRole, marker: Character = "*", pattern: LinePattern = .solid, marksLine: Bool = false,
        points: [(x: Double, y: Double)]
    ) {
        self.init(
            name: name, role: role, marker: marker, pattern: pattern, marksLine: marksLine,
            data: .points(xs: points.map(\.x), ys: points.map(\.y)))
    }

    public init(
        name: String, role: StyleRole, marker: Character = "*", pattern: LinePattern = .solid, marksLine: Bool = false,
        buckets: [Bucket]
    ) {
        self.init(name: name, role: role, marker: marker, pattern: pattern, marksLine: marksLine, data: .buckets(buckets))
    }

    public init(
        name: String, role: StyleRole, marker: Character = "*", pattern: LinePattern = .solid, marksLine: Bool = false,
        data: Data
    ) {
        self.name = name
        self.role = role
        self.marker = marker
        self.pattern = pattern
        self.marksLine = marksLine
        self.data = data
    }

    /// The same series after exponential smoothing with weight `weight` in 0..<1 (0 leaves it as it is).
    /// Non-finite values are passed through untouched and do not disturb the running average.
    /// Buckets are smoothed on their `last` values and collapse to a single line.
    public func smoothed(weight: Double) -> Series {
        guard weight > 0, weight < 1 else { return self }
        var copy = self
        func ema(_ values: [Double]) -> [Double] {
            var state: Double?
            return values.map { v in
                guard v.isFinite else { return v }
                let s = state.map { weight * $0 + (1 - weight) * v } ?? v
                state = s
                return s
            }
        }
        switch data {
        case let .points(xs, ys):
            copy.data = .points(xs: xs, ys: ema(ys))
        case let .buckets(buckets):
            let lasts = ema(buckets.map(\.last))
            copy.data = .buckets(zip(buckets, lasts).map { b, s in Bucket(x0: b.x0, x1: b.x1, min: s, max: s, last: s) })
        }
        return copy
    }
}
