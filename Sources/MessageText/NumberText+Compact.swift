// Short number labels for narrow places (axis ticks, bar values, legends): 0.5, 12k, 1.2M, 1e-07.
import Foundation

extension NumberText {
    private static let suffixes: [(Double, String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]

    /// A label for `value` at most `maxWidth` characters where possible.
    ///
    /// With `step` (the tick spacing) all labels of one axis get just enough decimals to differ;
    /// without it, about three significant digits are kept. Non-finite values give "—" so NaN is never shown.
    /// With `scientific` the mantissa-exponent form is used whatever the size, so one axis can read alike.
    public static func compact(_ value: Double, step: Double? = nil, maxWidth: Int = 7, scientific: Bool = false) -> String {
        guard value.isFinite else { return value.isNaN ? "—" : (value > 0 ? "∞" : "-∞") }
        let magnitude = abs(value)
        if magnitude == 0 || (step.map { magnitude < $0 * 1e-6 } ?? false) { return "0" }
        let sign = value < 0 ? "-" : ""
        var label: String
        if magnitude >= 1e15 || scientific {
            label = Self.scientific(magnitude, step: step)
        } else if let (unit, suffix) = suffixes.first(where: { magnitude >= $0.0 * 0.9995 }) {
            label = fixed(magnitude / unit, decimals: decimals(magnitude / unit, step: step.map { $0 / unit })) + suffix
        } else if magnitude >= 1e-3 {
            label = fixed(magnitude, decimals: decimals(magnitude, step: step))
        } else {
            label = Self.scientific(magnitude, step: step)
        }
        if label.count + sign.count > maxWidth, !label.contains("e") {
            label = Self.scientific(magnitude, step: step)
        }
        var digits = 2
        while label.count + sign.count > maxWidth, digits >= 0 {
            label = trim(String(format: "%.\(digits)e", magnitude))
            digits -= 1
        }
        return sign + label
    }

    /// Decimals that tell ticks `step` apart, or that keep three significant digits of `value`.
    private static func decimals(_ value: Double, step: Double?) -> Int {
        if let step, step > 0, step.isFinite {
            return min(6, max(0, Int(-floor(log10(step) + 1e-9))))
        }
        return min(6, max(0, 2 - Int(floor(log10(value)))))
    }

    private static func fixed(_ value: Double, decimals: Int) -> String {
        trim(String(format: "%.\(decimals)f", value))
    }

    private static func scientific(_ magnitude: Double, step: Double?) -> String {
        var digits = 2
        if let step, step > 0, step.isFinite {
            digits = min(2, max(0, Int(floor(log10(magnitude))) - Int(floor(log10(step) + 1e-9))))
        }
        return trim(String(format: "%.\(digits)e", magnitude))
    }

    /// Drops trailing zeros of the mantissa: "2.50" → "2.5", "1.00e-07" → "1e-07".
    private static func trim(_ text: String) -> String {
        let parts = text.split(separator: "e", maxSplits: 1).map(String.init)
        var mantissa = parts[0]
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        return parts.count == 2 ? mantissa + "e" + parts[1] : mantissa
    }
}
