// Tests for the logarithmic slider mapping and the learning-rate and speed notches.
import XCTest
@testable import Trainer

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
    }

    func testSingleValueRange() {
        let scale = LogScale(lower: 1, upper: 1)
        XCTAssertEqual(scale.fraction(of: 1), 1)
        XCTAssertEqual(scale.value(at: 0.3), 1)
    }

    func testLearningRateNotchesFollowOneTwoFive() {
        XCTAssertEqual(TrainerState.learningRateNotch(after: 0.1, up: true), 0.2, accuracy: 1e-12)
        XCTAssertEqual(TrainerState.learningRateNotch(after: 0.1, up: false), 0.05, accuracy: 1e-12)
        XCTAssertEqual(TrainerState.learningRateNotch(after: 0.03, up: true), 0.05, accuracy: 1e-12)
        XCTAssertEqual(TrainerState.learningRateNotch(after: 10, up: true), 10, accuracy: 1e-12)
        XCTAssertEqual(TrainerState.learningRateNotch(after: 1e-5, up: false), 1e-5, accuracy: 1e-18)
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
