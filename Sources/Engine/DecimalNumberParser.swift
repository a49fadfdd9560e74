// Decimal text to Double, correctly rounded: Clinger's exact path, else Eisel–Lemire, else Swift's parser.

/// Parses plain decimal numbers (`-12.5`, `3e-7`, `.5`, `5.`, `+1E+10`, `007`) from UTF-8 bytes, giving
/// exactly `Double(text)`.
///
/// The digits are read into a 64-bit integer w (eight at a time where eight digits follow), the point and
/// exponent into a decimal exponent q. With at most 19 significant digits w is exact, and then:
/// - w ≤ 2⁵³ and |q| ≤ 22 (Clinger): w and 10^|q| are exact Doubles, so one multiplication or division
///   is the correctly rounded value;
/// - otherwise `EiselLemire` rounds w·10^q correctly from a 128-bit power of five.
/// More than 19 significant digits, exponents too long to hold, and Eisel–Lemire's rare refusal go to
/// Swift's correctly rounded `Double(_: Substring)`.
enum DecimalNumberParser {
    /// The value of the whole of `bytes` as a decimal number, or nil when it is not one (hex, inf, nan,
    /// spaces and anything else are not).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        if let base = bytes.baseAddress, let (value, end) = prefix(base, from: 0, count: bytes.count), end == bytes.count {
            return value
        }
        return slowPath(bytes)
    }

    private static let zero = UInt8(ascii: "0"), minus = UInt8(ascii: "-"), plus = UInt8(ascii: "+")
    private static let dot = UInt8(ascii: "."), lowercaseE = UInt8(ascii: "e")

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

    /// Appends the digits at `i` to `mantissa` (wrapping past 19 digits: the caller counts them), eight at a
    /// time while eight follow.
    @inline(__always)
    private static func readDigits(_ base: UnsafePointer<UInt8>, _ i: inout Int, _ count: Int, _ mantissa: inout UInt64) {
        let raw = UnsafeRawPointer(base)
        while i + 8 <= count {
            let chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            guard isEightDigits(chunk) else { break }
            mantissa = mantissa &* 100_000_000 &+ eightDigits(chunk)
            i += 8
        }
        while i < count, base[i] &- zero < 10 {
            mantissa = mantissa &* 10 &+ UInt64(base[i] &- zero)
            i += 1
        }
    }

    /// The number that starts at `start` (bytes `base[start..<count]`) and where it ends (the first byte that
    /// cannot continue it), when the fast paths can decide it; nil otherwise. A caller that checks the number
    /// fills its whole field gets exactly what `parse` gives for that field. The value is always finite.
    @inline(__always)
    static func prefix(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> (value: Double, end: Int)? {
        var i = start
        guard i < count else { return nil }
        let negative = base[i] == minus
        if negative || base[i] == plus { i += 1 }
        let digitsStart = i
        var mantissa: UInt64 = 0
        readDigits(base, &i, count, &mantissa)
        var digitCount = i - digitsStart
        var exponent = 0
        if i < count, base[i] == dot {
            i += 1
            let fractionStart = i
            readDigits(base, &i, count, &mantissa)
            exponent = fractionStart - i
            digitCount -= exponent
        }
        guard digitCount > 0 else { return nil }
        let digitsEnd = i
        if i < count, base[i] | 0x20 == lowercaseE {
            i += 1
            var exponentNegative = false
            if i < count, base[i] == minus || base[i] == plus {
                exponentNegative = base[i] == minus
                i += 1
            }
            let exponentStart = i
            var written = 0
            while i < count, base[i] &- zero < 10 {
                // Beyond this the value is 0 or infinite whatever the digits; the exact parser says which.
                guard written < 100_000 else { return nil }
                written = written * 10 + Int(base[i] &- zero)
                i += 1
            }
            guard i > exponentStart else { return nil }
            exponent += exponentNegative ? -written : written
        }
        if digitCount > 19 {
            // Leading zeros (before or after the point) are not significant and left the mantissa exact.
            var k = digitsStart, leadingZeros = 0
            while k < digitsEnd, base[k] == zero || base[k] == dot {
                if base[k] == zero { leadingZeros += 1 }
                k += 1
            }
            guard digitCount - leadingZeros <= 19 else { return nil }
        }
        if mantissa == 0 { return (negative ? -0.0 : 0.0, i) }
        let magnitude: Double
        if mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            let w = Double(mantissa)
            magnitude = exponent < 0 ? w / exactPowersOfTen[-exponent] : w * exactPowersOfTen[exponent]
        } else {
            // Overflow is left to the exact parser too: a caller taking only finite numbers need not check.
            guard let value = EiselLemire.double(mantissa: mantissa, exponent: exponent), value.isFinite else { return nil }
            magnitude = value
        }
        return (negative ? -magnitude : magnitude, i)
    }

    private static func slowPath(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        for byte in bytes {
            switch byte {
            case zero...UInt8(ascii: "9"), dot, UInt8(ascii: "e"), UInt8(ascii: "E"), plus, minus:
                continue
            default:
                return nil
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return Double(Substring(text))
    }
}

/// 10⁰…10²², every power of ten a Double holds exactly (a literal table: no lazy initialisation on the hot path).
private let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
    1e20, 1e21, 1e22,
]
