// A numeric axis: its scale, its range, where values land in dots, and its tick marks.
import MessageText
import Foundation

/// One axis of a chart. `lower`/`upper` are in axis units (log10 of the data for a log axis).
public struct Axis: Sendable, Hashable {
    public var scale: AxisScale
    public var lower: Double
    public var upper: Double

    /// An axis over `lower...upper` in data units; invalid or empty ranges are widened so mapping never divides by zero.
    public init(scale: AxisScale = .linear, from lower: Double, to upper: Double) {
        self.scale = scale
        let a = scale.transform(lower), b = scale.transform(upper)
        switch (a, b) {
        case let (a?, b?): (self.lower, self.upper) = Self.widened(min(a, b), max(a, b), scale: scale)
        case let (a?, nil), let (nil, a?): (self.lower, self.upper) = Self.widened(a, a, scale: scale)
        case (nil, nil): (self.lower, self.upper) = (0, 1)
        }
    }

    /// A range that shows every value in `min...max` (axis units) with `padding` of the span on both sides.
    /// Data that never goes below zero is not padded below zero on a linear axis.
    public static func fitting(
        min lo: Double?, max hi: Double?, scale: AxisScale, padding: Double = 0.05
    ) -> Axis {
        var axis = Axis(scale: scale, from: 0, to: 1)
        guard let a = lo, let b = hi, a.isFinite, b.isFinite else { return axis }
        let lo = Swift.min(a, b), hi = Swift.max(a, b)
        var (l, u) = widened(lo, hi, scale: scale)
        let pad = (u - l) * padding
        let nonNegative = scale == .linear && lo >= 0
        if lo != hi || padding > 0 {
            l -= pad
            u += pad
        }
        // Neither padding nor the widening of a single value (step 0 alone) reaches below zero.
        if nonNegative { l = Swift.max(0, l) }
        axis.lower = l
        axis.upper = u
        return axis
    }

    /// A zero span becomes a visible one: ±10% of the value (±1 at zero), or ±½ decade on a log axis.
    private static func widened(_ lo: Double, _ hi: Double, scale: AxisScale) -> (Double, Double) {
        guard hi - lo <= Swift.max(abs(lo), abs(hi)) * 1e-12 else { return (lo, hi) }
        if scale == .logarithmic { return (lo - 0.5, hi + 0.5) }
        let half = lo == 0 ? 1 : abs(lo) * 0.1
        return (lo - half, hi + half)
    }

    /// Position of `value` as a fraction of the range (0 = lower end), nil when it has no place.
    @inline(__always)
    public func fraction(_ value: Double) -> Double? {
        scale.transform(value).map { ($0 - lower) / (upper - lower) }
    }

    /// The dot index (0 = lower end) of axis units `t` on an axis `dots` long; may fall outside 0..<dots.
    @inline(__always)
    public func dot(units t: Double, dots: Int) -> Int {
        let f = (t - lower) / (upper - lower) * Double(dots - 1)
        return Int(Swift.max(-1e9, Swift.min(1e9, f)).rounded())
    }

    /// The dot index of a data value, nil when it has no place on the axis.
    @inline(__always)
    public func dot(_ value: Double, dots: Int) -> Int? {
        scale.transform(value).map { dot(units: $0, dots: dots) }
    }

    /// A labelled tick mark.
    public struct Tick: Sendable, Hashable {
        public var value: Double
        public var label: String
    }

    /// At most `maxCount` ticks inside the range: 1-2-5 steps on a linear axis, powers of ten
    /// (with 2 and 5 between them when there is room) on a log axis. `minimumStep` keeps a linear axis of
    /// whole numbers (training steps) from ticks between them.
    public func ticks(maxCount: Int, labelWidth: Int = 7, minimumStep: Double = 0) -> [Tick] {
        let count = Swift.max(2, maxCount)
        switch scale {
        case .linear:
            guard lower.isFinite, upper.isFinite, (upper - lower).isFinite, upper > lower else { return [] }
            // The finest 1-2-5 step that still gives at most `count` ticks.
            var step = Self.niceStep((upper - lower) / Double(count) / 2.5)
            if minimumStep > 0 { step = Swift.max(step, Self.niceStep(minimumStep)) }
            while Self.multipleCount(of: step, in: lower, upper) > Double(count) {
                let coarser = Self.niceStep(step * 1.5)
                guard coarser > step else { return [] }
                step = coarser
            }
            var ticks = Self.multiples(of: step, in: lower, upper).map {
                Tick(value: $0, label: NumberText.compact($0, step: step, maxWidth: labelWidth))
            }
            // A narrow range far from zero (a loss settled at 0.6931472…) can round labels alike: coarser
            // steps first, and never two ticks that read the same.
            while Self.hasRepeatedLabels(ticks), ticks.count > 2, Self.niceStep(step * 1.5) > step {
                step = Self.niceStep(step * 1.5)
                ticks = Self.multiples(of: step, in: lower, upper).map {
                    Tick(value: $0, label: NumberText.compact($0, step: step, maxWidth: labelWidth))
                }
            }
            // One notation per axis: if any label needed an exponent, all get one.
            if ticks.contains(where: { $0.label.contains("e") }) {
                ticks = ticks.map {
                    Tick(value: $0.value, label: NumberText.compact($0.value, step: step, maxWidth: labelWidth, scientific: true))
                }
            }
            var seen = Set<String>()
            return ticks.filter { seen.insert($0.label).inserted }
        case .logarithmic:
            return logTicks(maxCount: count, labelWidth: labelWidth)
        }
    }

    private func logTicks(maxCount: Int, labelWidth: Int) -> [Tick] {
        guard lower.isFinite, upper.isFinite, upper > lower, upper - lower < 10_000 else { return [] }
        let eps = 1e-9
        let first = Int(ceil(lower - eps)), last = Int(floor(upper + eps))
        let decades = last - first + 1
        var exponents: [Double] = []
        if decades >= 1 {
            let stride = Swift.max(1, Int(ceil(Double(decades) / Double(maxCount))))
            let start = Int((Double(first) / Double(stride)).rounded(.up)) * stride
            exponents = Swift.stride(from: start, through: last, by: stride).map(Double.init)
        }
        if decades <= maxCount {
            // Room for 2× and 5× between the powers of ten?
            let lowDecade = Int(floor(lower)), highDecade = Int(floor(upper))
            var all: [Double] = []
            for d in lowDecade...Swift.max(lowDecade, highDecade) {
                for m in [1.0, 2.0, 5.0] {
                    let t = Double(d) + log10(m)
                    if t >= lower - eps && t <= upper + eps { all.append(t) }
                }
            }
            if all.count <= maxCount && all.count > exponents.count { exponents = all }
        }
        if exponents.count < 2 {
            // Less than a decade: linear 1-2-5 steps placed on the log scale.
            let lo = pow(10, lower), hi = pow(10, upper)
            let step = Self.niceStep((hi - lo) / Double(maxCount - 1))
            return Self.multiples(of: step, in: lo, hi).filter { $0 > 0 }.map {
                Tick(value: $0, label: NumberText.compact($0, step: step, maxWidth: labelWidth))
            }
        }
        return exponents.map { t in
            let value = pow(10, t)
            return Tick(value: value, label: NumberText.compact(value, maxWidth: labelWidth))
        }
    }

    /// The smallest step of the form {1, 2, 5} × 10ⁿ that is at least `raw`.
    public static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let base = pow(10, floor(log10(raw)))
        let f = raw / base
        let m: Double = f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10
        return m * base
    }

    private static func hasRepeatedLabels(_ ticks: [Tick]) -> Bool {
        Set(ticks.map(\.label)).count < ticks.count
    }

    /// How many multiples of `step` lie in `lo...hi`.
    private static func multipleCount(of step: Double, in lo: Double, _ hi: Double) -> Double {
        max(0, floor(hi / step + 1e-9) - ceil(lo / step - 1e-9) + 1)
    }

    /// Multiples of `step` in `lo...hi`, computed as k × step so labels carry no drift.
    private static func multiples(of step: Double, in lo: Double, _ hi: Double) -> [Double] {
        let first = ceil(lo / step - 1e-9), last = floor(hi / step + 1e-9)
        guard first <= last, last - first < 1000 else { return [] }
        return Swift.stride(from: first, through: last, by: 1).map { k in
            let v = k * step
            return abs(v) < step * 1e-9 ? 0 : v
        }
    }
}
