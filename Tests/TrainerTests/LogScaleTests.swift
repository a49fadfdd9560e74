// Tests for the logarithmic slider mapping and the learning-rate and speed notches.
import XCTest
@testable import Trainer
import Engine

final class LogScaleTests: XCTestCase {
    func testLearningRateRangeMapsDecadesEvenly() {
        let scale = TrainerState.defaultLearningRateScale
        XCTAssertEqual(scale.fraction(of: 1e-5), 0, accuracy: 1e-12)
        XCTAssertEqual(scale.fraction(of: 10), 1, accuracy: 1e-12)
        XCTAssertEqual(scale.fraction(of: 0.01), 0.5, accuracy: 1e-12)
        XCTAssertEqual(scale.value(at: 0.5), 0.01, accuracy: 1e-12)
        XCTAssertEqual(scale.fraction(of: 1e9), 1)
        XCTAssertEqual(scale.fraction(of: .nan), 0)
        XCTAssertEqual(scale.value(at: 2), 10, accuracy: 1e-12)
        // Before the data's bound is known, an MSE session's range is that default one.
        let unknown = LogScaleTests.state().learningRateScale
        XCTAssertEqual(unknown.lower, scale.lower)
        XCTAssertEqual(unknown.upper, scale.upper)
    }

    func testSingleValueRange() {
        let scale = LogScale(lower: 1, upper: 1)
        XCTAssertEqual(scale.fraction(of: 1), 1)
        XCTAssertEqual(scale.value(at: 0.3), 1)
    }

    static func state(loss: LossScaling = .mse, rows: Int = 442) -> TrainerState {
        TrainerState(
            width: 120, height: 40, hyperparameters: Hyperparameters(loss: loss), rowCount: rows, dataName: "d",
            featureNames: ["x"])
    }

    func testLearningRateRangeFollowsTheLossScaling() {
        // J = k·MSE has rates k times smaller: the range and its notches move down by k.
        let sse = LogScaleTests.state(loss: .sse, rows: 1000)
        XCTAssertEqual(sse.learningRateScale.lower, 1e-8, accuracy: 1e-20)
        XCTAssertEqual(sse.learningRateScale.upper, 1e-2, accuracy: 1e-14)
        XCTAssertEqual(sse.learningRateNotch(after: 1e-4, up: true), 2e-4, accuracy: 1e-16)
        XCTAssertEqual(sse.learningRateNotch(after: 1e-2, up: true), 1e-2, accuracy: 1e-16)
        let half = LogScaleTests.state(loss: .halfMSE)
        XCTAssertEqual(half.learningRateScale.upper, 20, accuracy: 1e-12)
        XCTAssertEqual(half.learningRateNotch(after: 10, up: true), 20, accuracy: 1e-12)
        XCTAssertEqual(LogScaleTests.state().learningRateNotches.count, 19)
    }

    func testLearningRateNotchesFollowOneTwoFive() {
        let state = LogScaleTests.state()
        XCTAssertEqual(state.learningRateNotch(after: 0.1, up: true), 0.2, accuracy: 1e-12)
        XCTAssertEqual(state.learningRateNotch(after: 0.1, up: false), 0.05, accuracy: 1e-12)
        XCTAssertEqual(state.learningRateNotch(after: 0.03, up: true), 0.05, accuracy: 1e-12)
        XCTAssertEqual(state.learningRateNotch(after: 10, up: true), 10, accuracy: 1e-12)
        XCTAssertEqual(state.learningRateNotch(after: 1e-5, up: false), 1e-5, accuracy: 1e-18)
        XCTAssertEqual(TrainerState.roundedToTwoDigits(0.012345), 0.012, accuracy: 1e-15)
    }

    func testSpeedNotchesRunFromOneStepPerSecondToUnlimited() {
        XCTAssertEqual(SpeedSetting(notch: 0).stepsPerSecond, 1)
        XCTAssertNil(SpeedSetting.unlimited.stepsPerSecond)
        XCTAssertEqual(SpeedSetting.unlimited.label, "max")
        XCTAssertEqual(SpeedSetting(notch: 0).slower, SpeedSetting(notch: 0))
        XCTAssertEqual(SpeedSetting.unlimited.faster, .unlimited)
        XCTAssertEqual(SpeedSetting(stepsPerSecond: 9).stepsPerSecond, 10)
        XCTAssertEqual(SpeedSetting.nearest(toFraction: 0), SpeedSetting(notch: 0))
        XCTAssertEqual(SpeedSetting.nearest(toFraction: 1), .unlimited)
    }
}
