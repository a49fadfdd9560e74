// Controls show what is in force: the batch the method uses, locks marked, the preset named, the intercept named as fit names it.
@testable import Engine
import Plot
import XCTest
@testable import Trainer

final class HonestControlsTests: XCTestCase {
    private func frame(_ state: TrainerState) -> Buffer { TrainerScreen(state: state, charts: TrainerFixtures.charts()).render() }

    func testBatchSliderShowsTheBatchInForce() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.hyperparameters.batchSize = 32
        for (method, shown, dimmed) in [(TrainingMethod.sgd, "1", true), (.gd, "200", true), (.minibatch, "32", false)] {
            state.hyperparameters.method = method
            let slider = ControlsPanel(state: state).slider(.batchSize)
            XCTAssertEqual(slider.valueText, shown, "\(method)")
            XCTAssertEqual(slider.isDimmed, dimmed, "\(method)")
        }
    }

    func testLockedControlsAreMarkedAndThePresetIsNamed() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.locked = [.lr, .method]
        state.presetName = "overshoot"
        let buffer = frame(state)
        let layout = state.layout
        let lr = layout.controlAreas[.learningRate]!, batch = layout.controlAreas[.batchSize]!, method = layout.controlAreas[.method]!
        func cell(_ x: Int, _ y: Int) -> Character { Array(buffer.lines[y])[x] }
        XCTAssertEqual(cell(lr.x - 1, lr.y), "*", buffer.lines[lr.y])
        XCTAssertEqual(cell(method.x - 1, method.y), "*", buffer.lines[method.y])
        XCTAssertEqual(cell(batch.x - 1, batch.y), " ", buffer.lines[batch.y])
        XCTAssertTrue(buffer.lines[0].contains("overshoot"), buffer.lines[0])
        XCTAssertTrue(buffer.text.contains("* locked"), buffer.text)
    }

    func testInterceptRowIsNamedAsFitNamesIt() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.featureNames = ["b"]
        let text = frame(state).text
        XCTAssertTrue(text.contains("(intercept) 1.250"), text)
        XCTAssertFalse(text.contains("intercept b"), text)
    }
}
