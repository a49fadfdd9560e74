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

    private static let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")

    /// 10^e exactly, for 0 ≤ e ≤ 27 (10¹⁹ < 2⁶⁴; above that a product of two exact powers, itself exact).
    @inline(__always)
    private static func powerOfTen(_ e: Int) -> Float80 {
        e <= 19 ? Float80(smallPowersOfTen[e]) : Float80(smallPowersOfTen[19]) * Float80(smallPowersOfTen[e - 19])
    }

    /// Whether the 8 bytes of `chunk` are all ASCII digits (SWAR: no branch per byte).
    @inline(__always)
    private static func isEightDigits(_ chunk: UInt64) -> Bool {
        ((chunk & 0xF0F0_F0F0_F0F0_F0F0) | (((chunk &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4))
            == 0x3333_3333_3333_3333
    }

    /// The value of 8 ASCII digits read little-endian (the first digit in the lowest byte).
    @inline(__always)
    private static func eightDigits(_ chunk: UInt64) -> UInt64 {
        var value = ((chunk & 0x0F0F_0F0F_0F0F_0F0F) &* 2561) >> 8
        value = ((value & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        return ((value & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
    }

    /// Appends the digits at `i` to `mantissa` (eight at a time while they fit in 19 significant digits),
    /// returning how many digits were read; stops at the first non-digit or when a 20th digit would be needed.
    @inline(__always)
    private static func readDigits(
        _ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ mantissa: inout UInt64, _ significant: inout Int
    ) -> Int {
        let start = i, count = bytes.count
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while i + 8 <= count, significant + 8 <= 19 {
            let chunk = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            guard isEightDigits(chunk) else { break }
            mantissa = mantissa &* 100_000_000 &+ eightDigits(chunk)
            significant += 8
            i += 8
        }
        while i < count, bytes[i] >= zero, bytes[i] <= nine, significant < 19 {
            mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- zero)
            significant += 1
            i += 1
        }
        return i - start
    }

    @inline(__always)
    private static func fastPath(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let (value, end) = prefix(bytes, from: 0), end == bytes.count else { return nil }
        return value
    }

    /// The number that starts at `start` and where it ends (the first byte that cannot continue it), when the
    /// fast path can decide it; nil otherwise. A caller that checks the number fills its whole field gets
    /// exactly what `parse` gives for that field.
    @inline(__always)
    static func prefix(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (value: Double, end: Int)? {
        let count = bytes.count
        guard start < count else { return nil }
        var i = start
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0, exponent = 0, digits = 0
        // Leading zeros are not significant.
        while i < count, bytes[i] == zero {
            digits += 1
            i += 1
        }
        digits += readDigits(bytes, &i, &mantissa, &significant)
        if i < count, bytes[i] >= zero, bytes[i] <= nine { return nil }  // more than 19 significant digits
        if i < count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            if significant == 0 {
                while i < count, bytes[i] == zero {
                    exponent -= 1
                    digits += 1
                    i += 1
                }
            }
            let fraction = readDigits(bytes, &i, &mantissa, &significant)
            if i < count, bytes[i] >= zero, bytes[i] <= nine { return nil }
            exponent -= fraction
            digits += fraction
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
        if mantissa == 0 { return (negative ? -0.0 : 0.0, i) }
        guard exponent >= -27, exponent <= 27 else { return nil }
        let w = Float80(mantissa)
        let value = exponent >= 0 ? w * powerOfTen(exponent) : w / powerOfTen(-exponent)
        // Exactly halfway between two Doubles after the first rounding: let the exact parser decide.
        if value.significandBitPattern & 0x7FF == 0x400 { return nil }
        let result = Double(value)
        return (negative ? -result : result, i)
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

/// 10⁰…10¹⁹ (a literal table: no lazy initialisation on the hot path).
private let smallPowersOfTen: [UInt64] = [
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
    100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
    10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
]
