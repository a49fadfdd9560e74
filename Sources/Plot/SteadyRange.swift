// Chart ranges snapped outward to steady stops: a growing or falling series moves its pixels only when it crosses one.
import Foundation

/// A live chart refitted to its data every frame rescales everything it drew whenever the data moves a little
/// (the loss chart's x axis grows with every step, its y axis with every new minimum), so each frame repaints
/// the whole curve. Snapping the ranges outward to a few stops a decade keeps the drawn pixels where they are
/// until a stop is crossed: the picture is the same to the eye, and a terminal over SSH is sent only what moved.
public enum SteadyRange {
    /// Stops a decade for spans: the curve fills at least 75% of the width (3 → 4 and 6 → 8 are the widest jumps).
    static let spanStops: [Double] = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8]

    /// The smallest stop at or above `value` (1 for anything ≤ 1 or not finite).
    public static func span(upTo value: Double) -> Double {
        guard value.isFinite, value > 1 else { return 1 }
        let decade = pow(10, floor(log10(value)))
        for stop in spanStops + [10] where stop * decade >= value * (1 - 1e-12) { return stop * decade }
        return 10 * decade
    }

    /// `low…high` widened outward to steady stops: quarter decades on a log axis (values ≤ 0 are ignored there),
    /// whole multiples of a 1-2-5 step of about an eighth of the span on a linear one. nil without finite values.
    public static func range(low: Double, high: Double, scale: AxisScale) -> ClosedRange<Double>? {
        guard low.isFinite, high.isFinite, low <= high else { return nil }
        switch scale {
        case .logarithmic:
            guard low > 0 else { return nil }
            let a = floor(log10(low) * 4 + 1e-9) / 4, b = ceil(log10(high) * 4 - 1e-9) / 4
            return pow(10, a)...pow(10, max(b, a + 0.25))
        case .linear:
            let span = high - low
            guard span > 0 else { return nil }
            let raw = span / 8, decade = pow(10, floor(log10(raw)))
            let step = ([1.0, 2, 5, 10].first { $0 * decade >= raw } ?? 10) * decade
            return floor(low / step) * step...ceil(high / step) * step
        }
    }
}
