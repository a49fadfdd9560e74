// The CSV number parser gives exactly Double(text): random strings, halfway cases, subnormals, long mantissas, odd forms.
import XCTest
@testable import CSVReader
import Engine

final class DecimalNumberParserTests: XCTestCase {
    func parse(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { DecimalNumberParser.parse($0) }
    }

    func assertSame(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let expected = Double(text)
        let got = parse(text)
        XCTAssertEqual(got?.bitPattern, expected?.bitPattern, "\(text): \(String(describing: got)) vs \(String(describing: expected))",
                       file: file, line: line)
    }

    func testRandomDecimalStringsMatchSwiftsParserBitForBit() {
        var random = SeededGenerator(seed: 2024)
        for _ in 0..<300_000 {
            let digitCount = 1 + random.nextInt(below: 21)
            var digits = ""
            for _ in 0..<digitCount { digits.append(Character(Unicode.Scalar(UInt8(48 + random.nextInt(below: 10))))) }
            var text = digits
            let point = random.nextInt(below: digitCount + 2)
            if point <= digitCount {
                text.insert(".", at: text.index(text.startIndex, offsetBy: point))
            }
            if random.nextInt(below: 3) == 0 {
                text += (random.nextInt(below: 2) == 0 ? "e" : "E") + ["", "-", "+"][random.nextInt(below: 3)]
                    + String(random.nextInt(below: 40))
            }
            if random.nextInt(below: 2) == 0 { text = "-" + text }
            assertSame(text)
        }
    }

    func testShortestAndSeventeenDigitFormsOfRandomDoublesRoundTrip() {
        var random = SeededGenerator(seed: 77)
        for _ in 0..<200_000 {
            let value = random.nextGaussian() * pow(10, Double(random.nextInt(below: 30)) - 15)
            assertSame("\(value)")
            assertSame(String(format: "%.17g", value))
            assertSame(String(format: "%.6f", value))
            XCTAssertEqual(parse("\(value)"), value)
        }
    }

    func testHalfwayCasesAndEdges() {
        // 2⁵³ + 1 is exactly halfway between two Doubles; so are its scaled forms.
        for text in ["9007199254740993", "9007199254740995", "900719925474099.3e1", "18014398509481986",
                     "0", "-0", "0.0", "00012", "1.", ".5", "-.5", "1e0", "1E+22", "1e-27", "123456789012345678e-27",
                     "9999999999999999999", "0.000000000000000000000000001", "4.9e-324", "1.7976931348623157e308",
                     "1e400", "2.2250738585072011e-308"] {
            assertSame(text)
        }
    }

    /// Exactly halfway between two Doubles (an odd 54-bit integer times 2^k, or over 10^j): round to even.
    func testExactHalfwayCasesRoundToEven() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<20_000 {
            let m = (UInt64(1) << 53) | random.next() >> 11 | 1
            for k in 0...10 where m.leadingZeroBitCount > k {
                assertSame("\(m << UInt64(k))")
            }
            var scaled = m
            for j in 1...3 {
                scaled *= 5
                var digits = "\(scaled)"
                digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -j))
                assertSame(digits)
                assertSame("\(scaled)e-\(j)")
            }
        }
    }

    /// Decimals within a Float80 ulp of the midpoint of two Doubles, whole (about 20 digits: the exact parser)
    /// and cut to 17–19 digits with the last digit nudged (Eisel–Lemire's hardest inputs).
    func testNearHalfwayCases() {
        var random = SeededGenerator(seed: 12)
        for _ in 0..<30_000 {
            let exponent = random.nextInt(below: 600) - 300
            let value = (1 + random.nextUnit()) * pow(2, Double(exponent))
            let midpoint = (Float80(value) + Float80(value.nextUp)) / 2
            let text = "\(midpoint)"
            assertSame(text)
            let (digits, exponent10) = decimalDigits(text)
            for keep in 17...19 where digits.count > keep {
                let cut = UInt64(digits.prefix(keep))!
                let shift = exponent10 + digits.count - keep
                for nudged in [cut, cut + 1, cut - 1] { assertSame("\(nudged)e\(shift)") }
            }
        }
    }

    /// The significant digits of a plain decimal text and the power of ten they are scaled by.
    private func decimalDigits(_ text: String) -> (digits: String, exponent: Int) {
        let parts = text.lowercased().split(separator: "e")
        let mantissa = parts[0].filter { $0 != "-" && $0 != "+" }
        let fraction = mantissa.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first ?? ""
        let digits = String(mantissa.filter { $0 != "." }.drop { $0 == "0" })
        return (digits, (parts.count > 1 ? Int(parts[1])! : 0) - fraction.count)
    }

    func testSubnormalsAndTheEdgesOfTheRange() {
        var random = SeededGenerator(seed: 13)
        for _ in 0..<30_000 {
            let subnormal = Double(bitPattern: random.next() >> 12)
            assertSame("\(subnormal)")
            assertSame(String(format: "%.17g", subnormal))
            assertSame(String(format: "%.25e", subnormal))
            let large = Double(bitPattern: 0x7FE0_0000_0000_0000 | random.next() >> 12)
            assertSame("\(large)")
            assertSame(String(format: "%.17g", large))
        }
        for text in ["4.9e-324", "5e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "2.47032822920623272e-324",
                     "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308", "1e-323",
                     "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e308", "1e309",
                     "1e-342", "1e-343", "1e-400", "9e-325", "1e-324", "123e-330", "1e0000000000000000000001",
                     "1e99999999", "1e-99999999", "0e99999", "0.0e-99999999", "9999999999999999999e290",
                     "1000000000000000000000e-22", "0.000000000000000000000000000000000000001e39"] {
            assertSame(text)
            assertSame("-" + text)
        }
    }

    func testLongMantissas() {
        var random = SeededGenerator(seed: 14)
        for _ in 0..<40_000 {
            let digitCount = [19, 19, 20, 21, 25, 40][random.nextInt(below: 6)]
            var digits = String(1 + random.nextInt(below: 9))
            for _ in 1..<digitCount { digits.append(Character(Unicode.Scalar(UInt8(48 + random.nextInt(below: 10))))) }
            let exponent = random.nextInt(below: 700) - 360
            assertSame("\(digits)e\(exponent)")
            var pointed = digits
            pointed.insert(".", at: pointed.index(after: pointed.startIndex))
            assertSame(pointed)
            assertSame("0.000" + digits)
        }
        // Leading zeros do not count as digits: still read by the fast path.
        XCTAssertNotNil(prefix("00000000000000000000000001"))
        XCTAssertNotNil(prefix("0.00000000000000000000000000123456789012345678"))
        XCTAssertNil(prefix("12345678901234567890"))
        assertSame("00000000000000000000000001")
        assertSame("0.00000000000000000000000000123456789012345678")
    }

    func testSignsPointsAndExponentForms() {
        for text in ["+1", "+.5", "-.5", ".5", "5.", "-5.", "5.e3", "-5.E-3", "+5.e+3", "0005.5000", "1E5", "1e+05",
                     "1e-0", "-0.0e0", "+0", ".0", "0.", "1e22", "1e23", "9007199254740992", "9007199254740993e-5",
                     "0.1", "0.2", "0.3", "123456789012345678", "1234567890123456789", "9999999999999999999.",
                     "4503599627370496.5", "4503599627370497.5", "8.98846567431158e307"] {
            assertSame(text)
        }
    }

    /// Eisel–Lemire alone, against Swift's parser, over the whole exponent range; it may decline, but rarely.
    func testEiselLemireMatchesSwiftsParserOverTheExponentRange() {
        var random = SeededGenerator(seed: 15)
        var declined = 0
        for _ in 0..<200_000 {
            let w = random.next() % [10, 1_000_000, 10_000_000_000_000_000, 10_000_000_000_000_000_000][random.nextInt(below: 4)]
            guard w > 0 else { continue }
            let q = random.nextInt(below: 700) - 360
            guard let got = EiselLemire.double(mantissa: w, exponent: q) else {
                declined += 1
                continue
            }
            let expected = Double("\(w)e\(q)")!
            XCTAssertEqual(got.bitPattern, expected.bitPattern, "\(w)e\(q)")
        }
        XCTAssertLessThan(declined, 10)
    }

    /// The shortest forms of Doubles, what pandas and Swift write, are nearly all decided without Swift's parser.
    func testShortestFormsTakeTheFastPath() {
        var random = SeededGenerator(seed: 16)
        var fast = 0
        for _ in 0..<100_000 {
            let value = random.nextGaussian() * pow(10, Double(random.nextInt(below: 40)) - 20)
            let text = "\(value)"
            if let got = prefix(text) {
                fast += 1
                XCTAssertEqual(got.bitPattern, value.bitPattern, text)
            }
        }
        XCTAssertGreaterThan(fast, 99_900)
    }

    /// The fast path alone on the whole of `text` (nil when it declines or the number stops short).
    func prefix(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            guard let (value, end) = DecimalNumberParser.prefix(base, end: base + buffer.count), end == base + buffer.count
            else { return nil }
            return value
        }
    }

    func testNonNumbersAreRejected() {
        for text in ["", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "--1", "1-", "0x10", "inf", "nan", "1,5", " 1", "1 ", "1e5x"] {
            XCTAssertNil(parse(text), text)
        }
    }
}
