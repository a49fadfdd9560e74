// Compact number labels: suffixes, decimals from the tick step, scientific for tiny values, width limits.
import Plot
import XCTest

final class CompactNumberTests: XCTestCase {
    func testLabels() {
        XCTAssertEqual(CompactNumber.format(0.5, step: 0.5), "0.5")
        XCTAssertEqual(CompactNumber.format(12_000, step: 2000), "12k")
        XCTAssertEqual(CompactNumber.format(1_200_000, step: 200_000), "1.2M")
        XCTAssertEqual(CompactNumber.format(2500, step: 500), "2.5k")
        XCTAssertEqual(CompactNumber.format(1e-7), "1e-07")
        XCTAssertEqual(CompactNumber.format(2.5e-5), "2.5e-05")
        XCTAssertEqual(CompactNumber.format(-11.234), "-11.2")
        XCTAssertEqual(CompactNumber.format(0.001234), "0.00123")
        XCTAssertEqual(CompactNumber.format(3e20), "3e+20")
        XCTAssertEqual(CompactNumber.format(1e-17, step: 0.1), "0")
    }

    func testNonFiniteNeverShowsNaN() {
        XCTAssertEqual(CompactNumber.format(.nan), "—")
        XCTAssertEqual(CompactNumber.format(.infinity), "∞")
        XCTAssertEqual(CompactNumber.format(-.infinity), "-∞")
    }

    func testWidthLimit() {
        for value in [123_456.789, -0.000123456, 9.87654321e-11, 1.23456789e14, -987_654_321.0, 0.123456] {
            XCTAssertLessThanOrEqual(CompactNumber.format(value, maxWidth: 6).count, 6, "\(value)")
        }
    }
}
