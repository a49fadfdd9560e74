// SteadyRange: spans at ten stops a decade, loss ranges at quarter decades or 1-2-5 multiples, never cutting data.
import XCTest
@testable import Plot

final class SteadyRangeTests: XCTestCase {
    func testSpansAreTheNextStopAtOrAboveTheValue() {
        XCTAssertEqual(SteadyRange.span(upTo: 0), 1)
        XCTAssertEqual(SteadyRange.span(upTo: .nan), 1)
        XCTAssertEqual(SteadyRange.span(upTo: 1234), 1500)
        XCTAssertEqual(SteadyRange.span(upTo: 1500), 1500)
        XCTAssertEqual(SteadyRange.span(upTo: 1501), 2000)
        XCTAssertEqual(SteadyRange.span(upTo: 8001), 10_000)
        XCTAssertEqual(SteadyRange.span(upTo: 37), 40)
        // The data fills at least 75% of the span, however far it has run.
        for value in stride(from: 2.0, to: 100_000, by: 97.3) {
            let span = SteadyRange.span(upTo: value)
            XCTAssertGreaterThanOrEqual(span, value)
            XCTAssertGreaterThanOrEqual(value / span, 0.75 - 1e-9, "\(value) in \(span)")
        }
    }

    func testLogRangesSnapToQuarterDecadesAndHoldTheData() throws {
        let range = try XCTUnwrap(SteadyRange.range(low: 0.5123, high: 41, scale: .logarithmic))
        XCTAssertEqual(log10(range.lowerBound), -0.5, accuracy: 1e-12)
        XCTAssertEqual(log10(range.upperBound), 1.75, accuracy: 1e-12)
        // A new minimum a little lower stays inside: the same range, so the same pixels.
        XCTAssertEqual(SteadyRange.range(low: 0.50, high: 41, scale: .logarithmic), range)
        XCTAssertNil(SteadyRange.range(low: 0, high: 3, scale: .logarithmic), "no log place for 0")
        XCTAssertNil(SteadyRange.range(low: .infinity, high: -.infinity, scale: .logarithmic), "no data")
    }

    func testLinearRangesAreMultiplesOfAStep() throws {
        let range = try XCTUnwrap(SteadyRange.range(low: 0.37, high: 41.2, scale: .linear))
        XCTAssertEqual(range, 0...50, "a step of 10 (the span 40.8 over 8 is 5.1)")
        XCTAssertLessThanOrEqual(range.lowerBound, 0.37)
        XCTAssertGreaterThanOrEqual(range.upperBound, 41.2)
        XCTAssertNil(SteadyRange.range(low: 2, high: 2, scale: .linear), "a flat line keeps the chart's own padding")
    }
}
