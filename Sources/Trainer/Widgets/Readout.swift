// Numbers as the screen shows them: short, aligned, and never "nan".
import Foundation

/// Formats figures for the screen. A non-finite value prints as "—", so NaN never reaches the user.
enum Readout {
    static let missing = "—"

    /// Up to four significant digits; scientific notation when very large or small.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return missing }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e5 || magnitude < 1e-3 { return String(format: "%.2e", value) }
        if magnitude >= 1000 { return String(format: "%.0f", value) }
        if magnitude >= 100 { return String(format: "%.1f", value) }
        if magnitude >= 10 { return String(format: "%.2f", value) }
        if magnitude >= 1 { return String(format: "%.3f", value) }
        return String(format: "%.4f", value)
    }

    /// A learning rate as typed: `0.1`, `0.0025`, `1e-05`; three significant digits at most.
    static func rate(_ value: Double) -> String {
        guard value.isFinite else { return missing }
        return String(format: "%.3g", value)
    }

    /// A count with a k/M suffix: `950`, `12.3k`, `4.1M`.
    static func count(_ value: Double) -> String {
        guard value.isFinite else { return missing }
        let magnitude = abs(value)
        if magnitude >= 1e6 { return String(format: "%.1fM", value / 1e6) }
        if magnitude >= 1e4 { return String(format: "%.0fk", value / 1e3) }
        if magnitude >= 1e3 { return String(format: "%.1fk", value / 1e3) }
        return String(format: "%.0f", value)
    }

    /// Fractional epochs with one decimal (two below one epoch).
    static func epoch(_ value: Double) -> String {
        guard value.isFinite else { return missing }
        return value < 1 ? String(format: "%.2f", value) : String(format: "%.1f", value)
    }
}
