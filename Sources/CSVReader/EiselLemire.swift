// The Eisel–Lemire conversion: w·10^q to the nearest Double with one or two 64×64-bit multiplications.

/// Converts a decimal w·10^q (w ≠ 0, at most 19 digits, so exact in 64 bits) to the correctly rounded Double,
/// as fast_float and Rust's core do (Lemire, "Number Parsing at a Gigabyte per Second", 2021; Mushtak and
/// Lemire, "Fast Number Parsing Without Fallback", 2023). w is normalised and multiplied by a 128-bit
/// approximation of 5^q; the top 55 bits of the product decide the 53-bit result, with the exact halfway
/// case (round to even) recognised where it can occur (−4 ≤ q ≤ 23).
enum EiselLemire {
    /// The Double nearest to w·10^q (positive), or nil in the one case left to an exact parser: a truncated
    /// product whose low word is all ones outside −27 ≤ q ≤ 55 (proved unable to mislead, but cheap to avoid).
    @inline(__always)
    static func double(mantissa w: UInt64, exponent q: Int) -> Double? {
        if q < PowersOfFive.smallestExponent { return 0 }
        if q > PowersOfFive.largestExponent { return .infinity }
        let leadingZeros = w.leadingZeroBitCount
        let normalised = w << UInt64(leadingZeros)
        let index = 2 * (q - PowersOfFive.smallestExponent)
        let table = PowersOfFive.words
        var (high, low) = normalised.multipliedFullWidth(by: table[index])
        // Only when the bits below the 55 we keep are all ones can the lower word of 5^q change them.
        if high & 0x1FF == 0x1FF {
            let second = normalised.multipliedFullWidth(by: table[index + 1]).high
            let (sum, carry) = low.addingReportingOverflow(second)
            low = sum
            if carry { high &+= 1 }
        }
        if low == .max && (q < -27 || q > 55) { return nil }
        let upperBit = Int(high >> 63)
        let shift = UInt64(upperBit + 9)
        var mantissa = high >> shift
        // floor(log2(10^q)) + 63, then the binary exponent's bias.
        var power2 = ((217_706 * q) >> 16) + 63 + upperBit - leadingZeros + 1023
        if power2 <= 0 {
            // Subnormal (or zero): shift down to the fixed exponent, then round half up (no ties this far out).
            if -power2 + 1 >= 64 { return 0 }
            mantissa >>= UInt64(-power2 + 1)
            mantissa += mantissa & 1
            mantissa >>= 1
            // Rounding up may have reached the smallest normal number, whose exponent field is 1.
            power2 = mantissa < (1 << 52) ? 0 : 1
            return Double(bitPattern: UInt64(power2) << 52 | mantissa)
        }
        // Exactly halfway (the product is exact and the dropped bits are 10…0): round to even, not up.
        if low <= 1, q >= -4, q <= 23, mantissa & 3 == 1, mantissa << shift == high {
            mantissa &= ~1
        }
        mantissa += mantissa & 1
        mantissa >>= 1
        if mantissa >= (2 << 52) {
            mantissa = 1 << 52
            power2 += 1
        }
        mantissa &= ~(1 << 52)
        if power2 >= 0x7FF { return .infinity }
        return Double(bitPattern: UInt64(power2) << 52 | mantissa)
    }
}
