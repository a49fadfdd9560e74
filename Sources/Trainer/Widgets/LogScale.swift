// A logarithmic mapping between a value range and slider positions 0…1.
import Foundation

/// Maps values in `lower…upper` (both > 0) to fractions 0…1 so equal ratios take equal distances.
struct LogScale: Equatable, Sendable {
    let lower: Double
    let upper: Double

    init(lower: Double, upper: Double) {
        precondition(lower > 0 && upper >= lower, "a log scale needs 0 < lower ≤ upper")
        self.lower = lower
        self.upper = upper
    }

    /// The position of `value`, clamped to 0…1 (0 when the range is a single value).
    func fraction(of value: Double) -> Double {
        guard upper > lower, value.isFinite, value > 0 else { return value >= upper ? 1 : 0 }
        return min(1, max(0, log(value / lower) / log(upper / lower)))
    }

    /// The value at `fraction` (clamped to 0…1).
    func value(at fraction: Double) -> Double {
        let t = min(1, max(0, fraction.isFinite ? fraction : 0))
        return lower * pow(upper / lower, t)
    }
}
