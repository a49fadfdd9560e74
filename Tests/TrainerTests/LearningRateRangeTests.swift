// The lr slider's range follows the data: raw Longley (2/λmax ≈ 5.8e-12) is trainable from the slider and keys.
@testable import Engine
import Plot
import Terminal
import XCTest
@testable import Trainer

final class LearningRateRangeTests: XCTestCase {
    private func longleyLike(rate: Double = 0.1) -> TrainerState {
        var state = TrainerFixtures.state(width: 120, height: 40)
        state.snapshot.largestStableLearningRate = 5.8e-12
        state.hyperparameters.learningRate = rate
        state.snapshot.hyperparameters.learningRate = rate
        return state
    }

    func testMinusKeyReachesAStableRateOnRawLongley() {
        var state = longleyLike()
        for _ in 0..<40 where state.hyperparameters.learningRate >= 5.8e-12 {
            _ = state.handle(.key(.character("-")))
        }
        let rate = state.hyperparameters.learningRate
        XCTAssertLessThan(rate, 5.8e-12, "the - key reaches below the bound")
        let fraction = ControlsPanel(state: state).slider(.learningRate).fraction
        XCTAssertGreaterThan(fraction, 0.2, "the knob sits inside the track, not pinned to its floor")
        XCTAssertLessThan(fraction, 1)
        let mark = ControlsPanel(state: state).slider(.learningRate).markerFraction
        XCTAssertNotNil(mark)
        XCTAssertGreaterThan(mark ?? 0, 0.5, "the bound is on the track, with room below it")
        XCTAssertLessThan(mark ?? 1, 1)
    }

    func testClickingTheSliderSetsAStableRateOnRawLongley() throws {
        var state = longleyLike()
        let area = try XCTUnwrap(state.layout.controlAreas[.learningRate])
        // A click a third of the way along the track.
        _ = state.handle(.mouse(button: .left, action: .press, x: area.x + 7 + (area.width - 16) / 3, y: area.y))
        let rate = state.hyperparameters.learningRate
        XCTAssertLessThan(rate, 5.8e-12, "a click on the track gives a stable rate")
        XCTAssertGreaterThan(rate, 5.8e-18)
    }

    func testTypedRatesStayExact() {
        let state = longleyLike(rate: 3.7e-13)
        XCTAssertEqual(state.hyperparameters.learningRate, 3.7e-13)
        XCTAssertTrue(ControlsPanel(state: state).slider(.learningRate).valueText.hasPrefix("3.7e-13"),
            ControlsPanel(state: state).slider(.learningRate).valueText)
    }
}
