// Compact number labels: suffixes, decimals from the tick step, scientific for tiny values, width limits.
import MessageText
import Plot
import XCTest

final class NumberTextCompactTests: XCTestCase {
    func testLabels() {
        XCTAssertEqual(NumberText.compact(0.5, step: 0.5), "0.5")
        XCTAssertEqual(NumberText.compact(12_000, step: 2000), "12k")
        XCTAssertEqual(NumberText.compact(1_200_000, step: 200_000), "1.2M")
        XCTAssertEqual(NumberText.compact(2500, step: 500), "2.5k")
        XCTAssertEqual(NumberText.compact(1e-7), "1e-07")
        XCTAssertEqual(NumberText.compact(2.5e-5), "2.5e-05")
        XCTAssertEqual(NumberText.compact(-11.234), "-11.2")
        XCTAssertEqual(NumberText.compact(0.001234), "0.00123")
        XCTAssertEqual(NumberText.compact(3e20), "3e+20")
        XCTAssertEqual(NumberText.compact(1e-17, step: 0.1), "0")
    }

    func testNonFiniteNeverShowsNaN() {
        XCTAssertEqual(NumberText.compact(.nan), "—")
        XCTAssertEqual(NumberText.compact(.infinity), "∞")
        XCTAssertEqual(NumberText.compact(-.infinity), "-∞")
    }

    func testWidthLimit() {
        for value in [123_456.789, -0.000123456, 9.87654321e-11, 1.23456789e14, -987_654_321.0, 0.123456] {
            XCTAssertLessThanOrEqual(NumberText.compact(value, maxWidth: 6).count, 6, "\(value)")
        }
    }
}
