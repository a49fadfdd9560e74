// Linear or base-10 logarithmic mapping of data values along an axis.
import Foundation

/// How values are spaced along an axis.
public enum AxisScale: Sendable, Hashable {
    case linear
    /// A true log10 axis: values ≤ 0 have no position and are skipped, never drawn at a fake place.
    case logarithmic

    /// The value in axis units (log10 for a log axis), nil when it has no place on this axis.
    @inline(__always)
    public func transform(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch self {
        case .linear: return value
        case .logarithmic: return value > 0 ? log10(value) : nil
        }
    }

    /// The data value at axis units `t`.
    public func inverse(_ t: Double) -> Double {
        switch self {
        case .linear: t
        case .logarithmic: pow(10, t)
        }
    }
}
