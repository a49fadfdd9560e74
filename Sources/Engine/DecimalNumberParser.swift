// Decimal text to Double, correctly rounded: a Float80 fast path for short numbers, Swift's parser otherwise.

/// Parses plain decimal numbers (`-12.5`, `3e-7`, `.5`, `1E+10`) from UTF-8 bytes, giving exactly `Double(text)`.
///
/// Fast path: up to 19 significant digits w and a decimal exponent |e| ≤ 27. Then w and 10^|e| are exact in
/// Float80 (64-bit significand; 5²⁷ < 2⁶⁴), so w·10^e or w/10^−e is one correctly rounded Float80 operation.
/// Rounding that to Double is a second rounding, which can differ from rounding the exact value only when the
/// Float80 result sits exactly halfway between two Doubles (its 11 extra bits are 10000000000): if the exact
/// value were not within half a Float80 ulp of that midpoint, the first rounding could neither reach nor cross
/// it. That one case, and everything else (more digits, larger exponents), goes to Swift's correctly rounded
/// `Double(_: Substring)`.
enum DecimalNumberParser {
    /// The value of the whole of `bytes` as a decimal number, or nil when it is not one (hex, inf, nan,
    /// spaces and anything else are not).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        if let fast = fastPath(bytes) { return fast }
        return slowPath(bytes)
    }

    /// Powers of ten 10⁰…10²⁷, exact in Float80.
    private static let powersOfTen: [Float80] = {
        var powers = [Float80](repeating: 1, count: 28)
        for k in 1..<28 { powers[k] = powers[k - 1] * 10 }
        return powers
    }()

    private static let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")

    @inline(__always)
    private static func fastPath(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let count = bytes.count
        var i = 0
        guard count > 0 else { return nil }
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            i = 1
        }
        var mantissa: UInt64 = 0
        var significant = 0, exponent = 0, digits = 0
        // Integer part, then the fraction: leading zeros are not significant.
        while i < count, bytes[i] >= zero, bytes[i] <= nine {
            let digit = UInt64(bytes[i] &- zero)
            if significant > 0 || digit != 0 {
                significant += 1
                if significant > 19 { return nil }
                mantissa = mantissa &* 10 &+ digit
            }
            digits += 1
            i += 1
        }
        if i < count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < count, bytes[i] >= zero, bytes[i] <= nine {
                let digit = UInt64(bytes[i] &- zero)
                if significant > 0 || digit != 0 {
                    significant += 1
                    if significant > 19 { return nil }
                    mantissa = mantissa &* 10 &+ digit
                }
                exponent -= 1
                digits += 1
                i += 1
            }
        }
        guard digits > 0 else { return nil }
        if i < count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            var exponentNegative = false
            if i < count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                exponentNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var written = 0, exponentDigits = 0
            while i < count, bytes[i] >= zero, bytes[i] <= nine {
                if written > 10_000 { return nil }
                written = written * 10 + Int(bytes[i] &- zero)
                exponentDigits += 1
                i += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard i == count else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        guard exponent >= -27, exponent <= 27 else { return nil }
        let w = Float80(mantissa)
        let value = exponent >= 0 ? w * powersOfTen[exponent] : w / powersOfTen[-exponent]
        // Exactly halfway between two Doubles after the first rounding: let the exact parser decide.
        if value.significandBitPattern & 0x7FF == 0x400 { return nil }
        let result = Double(value)
        return negative ? -result : result
    }

    private static func slowPath(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        for byte in bytes {
            switch byte {
            case zero...nine, UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"):
                continue
            default:
                return nil
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return Double(Substring(text))
    }
}
