// Decimal text to Double, correctly rounded: SWAR digit reading and Eisel–Lemire, else Swift's parser.

/// Parses plain decimal numbers (`-12.5`, `3e-7`, `.5`, `5.`, `+1E+10`, `007`) from UTF-8 bytes, giving
/// exactly `Double(text)`.
///
/// The digits are read into a 64-bit integer w (eight at a time where eight digits follow), the point and
/// exponent into a decimal exponent q. With at most 19 significant digits w is exact, and then a whole number
/// up to 2⁵³ is exact as it is, and everything else is rounded correctly by `EiselLemire` from a 128-bit power
/// of five. More than 19 significant digits, exponents too long to hold, overflow and Eisel–Lemire's rare
/// refusal go to Swift's correctly rounded `Double(_: Substring)`.
enum DecimalNumberParser {
    /// The value of the whole of `bytes` as a decimal number, or nil when it is not one (hex, inf, nan,
    /// spaces and anything else are not).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        if let base = bytes.baseAddress, let (value, end) = prefix(base, end: base + bytes.count), end == base + bytes.count {
            return value
        }
        return slowPath(bytes)
    }

    private static let zero = UInt8(ascii: "0"), minus = UInt8(ascii: "-"), plus = UInt8(ascii: "+")
    private static let dot = UInt8(ascii: "."), lowercaseE = UInt8(ascii: "e")

    /// The value of 8 decimal digits, one a byte (0…9, or their ASCII codes), the first in the lowest byte.
    @inline(__always)
    private static func eightDigits(_ chunk: UInt64) -> UInt64 {
        var value = ((chunk & 0x0F0F_0F0F_0F0F_0F0F) &* 2561) >> 8
        value = ((value & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        return ((value & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
    }

    /// Appends the run of ASCII digits at `p` to `mantissa` (wrapping past 19 digits: the caller counts them).
    /// One unaligned 8-byte load finds how many of the next eight bytes are digits (SWAR: a high bit per
    /// non-digit byte, then the lowest set one) and converts them together: eight at a time while eight
    /// follow, then the last 0…7 in one step, so how many there are decides no branch (the run lengths of
    /// shortest round-trip output vary at random). Within 8 bytes of the end it goes a digit at a time.
    @inline(__always)
    private static func readDigits(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, _ mantissa: inout UInt64) {
        while end - p >= 8 {
            let digits = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)) ^ 0x3030_3030_3030_3030
            // A byte's high bit is set when it is not 0…9 after the xor (its low 7 bits ≥ 10, or its high bit set).
            let nonDigits = (((digits & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676) | digits) & 0x8080_8080_8080_8080
            if nonDigits == 0 {
                mantissa = mantissa &* 100_000_000 &+ eightDigits(digits)
                p += 8
                continue
            }
            // The first `count` bytes (0…7) are digits: shifted to the top (in two halves, so that a count of 0
            // shifts everything out), they read as an 8-digit number with leading zeros.
            let count = nonDigits.trailingZeroBitCount &>> 3
            let half = UInt64(truncatingIfNeeded: 32 &- 4 &* count)
            mantissa = mantissa &* powersOfTenBelow9[count] &+ eightDigits((digits &<< half) &<< half)
            p += count
            return
        }
        readShortDigits(&p, end, &mantissa)
    }

    /// Appends the digits at `p` to `mantissa` one at a time.
    @inline(__always)
    private static func readShortDigits(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, _ mantissa: inout UInt64) {
        while p < end, p.pointee &- zero < 10 {
            mantissa = mantissa &* 10 &+ UInt64(p.pointee &- zero)
            p += 1
        }
    }

    /// The number that starts at `start` (bytes up to `end`) and where it ends (the first byte that cannot
    /// continue it), when the fast paths can decide it; nil otherwise. A caller that checks the number fills
    /// its whole field gets exactly what `parse` gives for that field. The value is always finite.
    @inline(__always)
    static func prefix(_ start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> (value: Double, end: UnsafePointer<UInt8>)? {
        var p = start
        guard p < end else { return nil }
        let negative = p.pointee == minus
        if negative || p.pointee == plus { p += 1 }
        let digitsStart = p
        var mantissa: UInt64 = 0
        // Integer parts are mostly a digit or two: eight at a time would cost more than it saves.
        readShortDigits(&p, end, &mantissa)
        var digitCount = p - digitsStart
        var exponent = 0
        if p < end, p.pointee == dot {
            p += 1
            let fractionStart = p
            readDigits(&p, end, &mantissa)
            exponent = fractionStart - p
            digitCount &-= exponent
        }
        guard digitCount > 0 else { return nil }
        let digitsEnd = p
        if p < end, p.pointee | 0x20 == lowercaseE {
            p += 1
            var exponentNegative = false
            if p < end, p.pointee == minus || p.pointee == plus {
                exponentNegative = p.pointee == minus
                p += 1
            }
            let exponentStart = p
            var written = 0
            while p < end, p.pointee &- zero < 10 {
                // Beyond this the value is 0 or infinite whatever the digits; the exact parser says which.
                guard written < 100_000 else { return nil }
                written = written &* 10 &+ Int(p.pointee &- zero)
                p += 1
            }
            guard p > exponentStart else { return nil }
            exponent &+= exponentNegative ? -written : written
        }
        if digitCount > 19 {
            // Leading zeros (before or after the point) are not significant and left the mantissa exact.
            var k = digitsStart, leadingZeros = 0
            while k < digitsEnd, k.pointee == zero || k.pointee == dot {
                if k.pointee == zero { leadingZeros &+= 1 }
                k += 1
            }
            guard digitCount &- leadingZeros <= 19 else { return nil }
        }
        let magnitude: Double
        if mantissa == 0 {
            magnitude = 0
        } else if exponent == 0, mantissa <= 1 << 53 {
            // A whole number that a Double holds exactly.
            magnitude = Double(Int64(bitPattern: mantissa))
        } else {
            // Eisel–Lemire for every fraction, even where a Clinger division would do: choosing between the two
            // is a branch as random as the digit counts, and mispredicting it costs more than the conversion.
            // Overflow is left to the exact parser too: a caller taking only finite numbers need not check.
            guard let value = EiselLemire.double(mantissa: mantissa, exponent: exponent), value.isFinite else { return nil }
            magnitude = value
        }
        // The sign as a bit, not a branch: it is as random as the data.
        let sign: UInt64 = negative ? 1 << 63 : 0
        return (Double(bitPattern: magnitude.bitPattern | sign), p)
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

/// 10⁰…10⁸ as integers (a literal table: no lazy initialisation on the hot path).
private let powersOfTenBelow9: [UInt64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]

