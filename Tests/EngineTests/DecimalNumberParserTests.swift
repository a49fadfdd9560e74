// The CSV number parser gives exactly Double(text) on many random decimal strings, and rejects non-numbers.
import XCTest
@testable import Engine

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

    func testNonNumbersAreRejected() {
        for text in ["", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "--1", "1-", "0x10", "inf", "nan", "1,5", " 1", "1 ", "1e5x"] {
            XCTAssertNil(parse(text), text)
        }
    }
}
