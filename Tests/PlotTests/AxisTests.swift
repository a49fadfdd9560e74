// Axis ranges and ticks: 1-2-5 steps, padding, zero range, and log ticks across many decades.
import Plot
import XCTest

final class AxisTests: XCTestCase {
    func testNiceSteps() {
        XCTAssertEqual(Axis.niceStep(0.13), 0.2, accuracy: 1e-12)
        XCTAssertEqual(Axis.niceStep(3), 5)
        XCTAssertEqual(Axis.niceStep(7), 10)
        XCTAssertEqual(Axis.niceStep(1), 1)
        XCTAssertEqual(Axis.niceStep(0.0004), 0.0005, accuracy: 1e-15)
    }

    func testLinearTicksAreMultiplesOfTheStep() {
        let ticks = Axis(from: -3.3, to: 7.9).ticks(maxCount: 6)
        XCTAssertEqual(ticks.map(\.value), [-2, 0, 2, 4, 6])
        XCTAssertEqual(ticks.map(\.label), ["-2", "0", "2", "4", "6"])
        XCTAssertEqual(Axis(from: 0, to: 1).ticks(maxCount: 6).map(\.label), ["0", "0.2", "0.4", "0.6", "0.8", "1"])
    }

    func testFittingPadsAndHandlesConstantData() {
        let a = Axis.fitting(min: 10, max: 20, scale: .linear)
        XCTAssertEqual(a.lower, 9.5, accuracy: 1e-12)
        XCTAssertEqual(a.upper, 20.5, accuracy: 1e-12)
        // Non-negative data is not padded below zero.
        XCTAssertEqual(Axis.fitting(min: 0.1, max: 20, scale: .linear).lower, 0)
        let constant = Axis.fitting(min: 5, max: 5, scale: .linear)
        XCTAssertLessThan(constant.lower, 5)
        XCTAssertGreaterThan(constant.upper, 5)
        let zero = Axis.fitting(min: 0, max: 0, scale: .linear)
        XCTAssertLessThan(zero.lower, zero.upper)
        // A loss that is exactly zero sits on the bottom edge, not below it.
        XCTAssertEqual(zero.dot(0, dots: 11), 0)
    }

    func testLogTicksAcrossFifteenDecades() {
        // 1e-12 … 1e3 in at most 6 ticks: every third power of ten, aligned to multiples of three.
        let axis = Axis(scale: .logarithmic, from: 1e-12, to: 1e3)
        XCTAssertEqual(axis.ticks(maxCount: 6).map(\.label), ["1e-12", "1e-09", "1e-06", "0.001", "1", "1k"])
        XCTAssertEqual(axis.ticks(maxCount: 8).map(\.label),
                       ["1e-12", "1e-10", "1e-08", "1e-06", "1e-04", "0.01", "1", "100"])
        // With room for all sixteen powers.
        XCTAssertEqual(axis.ticks(maxCount: 16).count, 16)
        XCTAssertEqual(axis.ticks(maxCount: 16).first?.label, "1e-12")
        for tick in axis.ticks(maxCount: 16) {
            XCTAssertEqual(log10(tick.value), log10(tick.value).rounded(), accuracy: 1e-9)
        }
    }

    func testLogTicksAddTwoAndFiveWhenRoomy() {
        let ticks = Axis(scale: .logarithmic, from: 0.1, to: 10).ticks(maxCount: 8)
        XCTAssertEqual(ticks.map(\.label), ["0.1", "0.2", "0.5", "1", "2", "5", "10"])
    }

    func testLogAxisWithinOneDecadeStillHasTicks() {
        let ticks = Axis(scale: .logarithmic, from: 2, to: 8).ticks(maxCount: 5)
        XCTAssertGreaterThanOrEqual(ticks.count, 2)
        XCTAssertTrue(ticks.allSatisfy { $0.value >= 2 && $0.value <= 8 })
    }

    func testLogAxisHasNoPlaceForNonPositiveValues() {
        let axis = Axis(scale: .logarithmic, from: 1e-3, to: 1)
        XCTAssertNil(axis.dot(0, dots: 10))
        XCTAssertNil(axis.dot(-1, dots: 10))
        XCTAssertNil(axis.dot(.nan, dots: 10))
        XCTAssertEqual(axis.dot(1e-3, dots: 10), 0)
        XCTAssertEqual(axis.dot(1, dots: 10), 9)
    }

    func testNarrowRangeFarFromZeroNeverRepeatsALabel() {
        for (lo, hi) in [(0.693147, 0.693148), (1000.0001, 1000.0009), (-5e6 - 1, -5e6 + 1)] {
            let labels = Axis(from: lo, to: hi).ticks(maxCount: 6).map(\.label)
            XCTAssertFalse(labels.isEmpty, "\(lo)…\(hi)")
            XCTAssertEqual(labels.count, Set(labels).count, "\(lo)…\(hi): \(labels)")
        }
    }

    func testOneNotationPerAxis() {
        let labels = Axis(from: 0, to: 0.0012).ticks(maxCount: 7).map(\.label)
        XCTAssertEqual(labels, ["0", "2e-04", "4e-04", "6e-04", "8e-04", "1e-03", "1.2e-03"])
    }

    /// Three training steps: no tick at step 0.5.
    func testWholeNumberAxisHasNoTicksBetweenWholes() {
        let axis = Axis(from: 0, to: 3)
        XCTAssertTrue(axis.ticks(maxCount: 8).map(\.label).contains("0.5"), "a plain axis may split a unit")
        XCTAssertEqual(axis.ticks(maxCount: 8, minimumStep: 1).map(\.label), ["0", "1", "2", "3"])
        XCTAssertEqual(Axis(from: 0, to: 1).ticks(maxCount: 8, minimumStep: 1).map(\.label), ["0", "1"])
        XCTAssertEqual(Axis(from: 0, to: 1000).ticks(maxCount: 6, minimumStep: 1).map(\.label), ["0", "200", "400", "600", "800", "1k"])
    }

    /// One point at step 0 (a run that has not stepped) gives 0…1, not an axis from step -1.
    func testASingleValueAtZeroIsNotWidenedBelowZero() {
        let axis = Axis.fitting(min: 0, max: 0, scale: .linear, padding: 0)
        XCTAssertEqual(axis.lower, 0)
        XCTAssertGreaterThan(axis.upper, 0)
        XCTAssertEqual(Axis.fitting(min: -2, max: -2, scale: .linear, padding: 0).lower, -2.2, accuracy: 1e-12, "negative data still widens both ways")
    }
}
