// The lr slider marks the bound of the update rule in force, and says what the mark means.
@testable import Engine
import Plot
import XCTest
@testable import Trainer

final class StabilityMarkTests: XCTestCase {
    private func state(_ update: UpdateRule, method: TrainingMethod = .gd, rate: Double = 0.3) -> TrainerState {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.hyperparameters.update = update
        state.hyperparameters.method = method
        state.hyperparameters.learningRate = rate
        state.hyperparameters.momentum = 0.9
        return state
    }

    private func text(_ state: TrainerState) -> String { TrainerScreen(state: state, charts: TrainerFixtures.charts()).render().text }

    func testMarkFollowsTheUpdateRule() throws {
        // The fixture's 2/λmax is 0.25.
        let scale = TrainerState.learningRateScale(bound: 0.25)
        let plain = ControlsPanel(state: state(.plain)).slider(.learningRate)
        XCTAssertEqual(try XCTUnwrap(plain.markerFraction), scale.fraction(of: 0.25), accuracy: 1e-12)
        XCTAssertTrue(plain.isWarning, "0.3 > 2/λmax = 0.25")
        let momentum = ControlsPanel(state: state(.momentum)).slider(.learningRate)
        XCTAssertEqual(try XCTUnwrap(momentum.markerFraction), scale.fraction(of: 0.25 * 1.9), accuracy: 1e-12)
        XCTAssertFalse(momentum.isWarning, "0.3 < 2(1+β)/λmax = 0.475")
        let nesterov = ControlsPanel(state: state(.nesterov)).slider(.learningRate)
        XCTAssertEqual(try XCTUnwrap(nesterov.markerFraction), scale.fraction(of: 0.25 * 1.9 / 2.8), accuracy: 1e-12)
        XCTAssertNil(ControlsPanel(state: state(.adam)).slider(.learningRate).markerFraction, "Adam has no fixed bound")
    }

    func testControlsSayWhatTheMarkIs() {
        XCTAssertTrue(text(state(.momentum)).contains("2(1+β)/λmax = 0.475"), text(state(.momentum)))
        XCTAssertTrue(text(state(.adam)).contains("no fixed bound"), text(state(.adam)))
        XCTAssertTrue(text(state(.plain, method: .sgd)).contains("guide"), text(state(.plain, method: .sgd)))
    }
}
