// The one way numbers become text for people: the screen's figures, messages, narration, counts and sizes.
import Foundation

/// Every number a person reads, in one of a few forms chosen by where it stands. None ever writes "nan" or
/// "inf": a value that is not finite reads as `missing` (figures) or in words (messages). Axis and bar labels,
/// which must fit a width, are `compact(_:step:maxWidth:scientific:)`.
public enum NumberText {
    /// What a figure that is not a finite number shows.
    public static let missing = "—"

    /// A figure on the screen: up to four significant digits, scientific notation when very large or small.
    public static func figure(_ value: Double) -> String {
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
    public static func rate(_ value: Double) -> String {
        guard value.isFinite else { return missing }
        return String(format: "%.3g", value)
    }

    /// A count with a k/M suffix: `950`, `12.3k`, `4.1M`.
    public static func count(_ value: Double) -> String {
        guard value.isFinite else { return missing }
        let magnitude = abs(value)
        if magnitude >= 1e6 { return String(format: "%.1fM", value / 1e6) }
        if magnitude >= 1e4 { return String(format: "%.0fk", value / 1e3) }
        if magnitude >= 1e3 { return String(format: "%.1fk", value / 1e3) }
        return String(format: "%.0f", value)
    }

    /// Fractional epochs with one decimal (two below one epoch).
    public static func epoch(_ value: Double) -> String {
        guard value.isFinite else { return missing }
        return value < 1 ? String(format: "%.2f", value) : String(format: "%.1f", value)
    }

    /// A number inside a sentence: at most 4 significant digits (`0.1`, `2.5e-7`); ∞ as the sign, and a NaN
    /// as the words "not a number".
    public static func inMessage(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "not a number" : (value > 0 ? "∞" : "−∞") }
        if value != 0 && (abs(value) >= 1e6 || abs(value) < 1e-3) {
            let exponent = Int(floor(log10(abs(value))))
            let mantissa = value / pow(10, Double(exponent))
            return "\(round(mantissa * 1000) / 1000)e\(exponent)"
        }
        return "\(round(value * 10000) / 10000)"
    }

    /// `value` to `digits` significant digits (as C's %g: no trailing zeros, an exponent when far from 1; a
    /// whole number below 10¹⁵ with all its integer digits), for narration that must tell close numbers apart.
    public static func significant(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return inMessage(value) }
        let digits = max(1, min(17, digits))
        // Whole numbers below 10¹⁵ keep all their integer digits (63000, not 6.3e+04).
        if value != 0, case let exponent = Int(log10(abs(value)).rounded(.down)), exponent >= digits - 1, exponent < 15 {
            return String(format: "%.0f", value)
        }
        return String(format: "%.\(digits)g", value)
    }

    /// A size in bytes: "68.7 GB", "512 MB".
    public static func bytes(_ bytes: Double) -> String {
        if !bytes.isFinite { return "more than any machine has" }
        if bytes >= 1e12 { return String(format: "%.1f TB", bytes / 1e12) }
        if bytes >= 1e9 { return String(format: "%.1f GB", bytes / 1e9) }
        return String(format: "%.0f MB", max(1, bytes / 1e6))
    }
}
