// Tests for key and mouse handling: each input changes the state and asks the session for the right thing.
import Engine
import Plot
import Terminal
import XCTest
@testable import Trainer

final class TrainerStateTests: XCTestCase {
    private func key(_ character: Character) -> InputEvent { .key(.character(character)) }

    func testSpaceTogglesRunAndPause() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        XCTAssertEqual(state.handle(key(" ")), [.start])
        XCTAssertEqual(state.status, .running)
        XCTAssertEqual(state.handle(key(" ")), [.pause])
        XCTAssertEqual(state.status, .paused)
    }

    func testStepResetAndQuit() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        XCTAssertEqual(state.handle(key("s")), [.step])
        XCTAssertEqual(state.handle(key("r")), [.reset])
        XCTAssertNil(state.exitCode)
        XCTAssertEqual(state.handle(key("q")), [])
        XCTAssertEqual(state.exitCode, 0)
    }

    func testClosedFormIsRequestedOnceAndToggles() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        XCTAssertEqual(state.handle(key("c")), [.requestClosedForm])
        XCTAssertTrue(state.isComparing)
        XCTAssertEqual(state.handle(key("c")), [])
        XCTAssertFalse(state.isComparing)
        var solved = TrainerFixtures.state(width: 80, height: 24, comparing: true)
        solved.isComparing = false
        XCTAssertEqual(solved.handle(key("c")), [], "an existing solution is shown again without recomputing")
        XCTAssertTrue(solved.isComparing)
    }

    func testScheduleKeyCyclesAndRateOverlayToggles() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        var seen: [ScheduleKind] = []
        for _ in 0..<5 {
            let commands = state.handle(key("k"))
            guard case .setHyperparameters(let h)? = commands.first else { return XCTFail("k sends the new schedule") }
            seen.append(h.schedule.kind)
        }
        XCTAssertEqual(seen, [.inverse, .invscaling, .step, .cosine, .constant])
        XCTAssertFalse(state.showsRate)
        XCTAssertEqual(state.handle(key("K")), [])
        XCTAssertTrue(state.showsRate)
        state.locked = [.lr]
        XCTAssertEqual(state.handle(key("k")), [])
        XCTAssertEqual(state.notice, "lr: locked by the preset")
    }

    func testMethodAndUpdateRuleCycle() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        var expected = state.hyperparameters
        expected.method = .sgd
        XCTAssertEqual(state.handle(key("m")), [.setHyperparameters(expected)])
        expected.method = .minibatch
        XCTAssertEqual(state.handle(key("m")), [.setHyperparameters(expected)])
        expected.method = .gd
        XCTAssertEqual(state.handle(key("m")), [.setHyperparameters(expected)])
        expected.update = .momentum
        XCTAssertEqual(state.handle(key("u")), [.setHyperparameters(expected)])
    }

    func testLearningRateBatchAndSpeedKeys() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        _ = state.handle(key("+"))
        XCTAssertEqual(state.hyperparameters.learningRate, 0.2, accuracy: 1e-12)
        _ = state.handle(key("-"))
        _ = state.handle(key("-"))
        XCTAssertEqual(state.hyperparameters.learningRate, 0.05, accuracy: 1e-12)
        _ = state.handle(key("]"))
        XCTAssertEqual(state.hyperparameters.batchSize, 64)
        for _ in 0..<10 { _ = state.handle(key("]")) }
        XCTAssertEqual(state.hyperparameters.batchSize, 200, "clamped to the training rows")
        XCTAssertEqual(state.handle(key("]")), [], "no change, no command")
        _ = state.handle(key("["))
        XCTAssertEqual(state.hyperparameters.batchSize, 100)
        XCTAssertEqual(state.handle(key("<")), [.setSpeed(stepsPerSecond: 20_000)])
        XCTAssertEqual(state.handle(key(">")), [.setSpeed(stepsPerSecond: nil)])
        XCTAssertEqual(state.handle(key(">")), [])
    }

    func testLogAxisThemeAndHelp() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        XCTAssertTrue(state.logLossAxis)
        _ = state.handle(key("l"))
        XCTAssertFalse(state.logLossAxis)
        _ = state.handle(key("t"))
        XCTAssertEqual(state.themeIndex, 1)
        _ = state.handle(key("?"))
        XCTAssertEqual(state.overlay, .help)
        XCTAssertEqual(state.handle(key(" ")), [], "the help swallows keys")
        _ = state.handle(.key(.escape))
        XCTAssertEqual(state.overlay, .none)
    }

    func testTabCyclesFocusAndArrowsAdjustIt() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        XCTAssertEqual(state.focus, .run)
        _ = state.handle(.key(.backTab))
        XCTAssertEqual(state.focus, .speed)
        for _ in 0..<7 { _ = state.handle(.key(.tab)) }
        XCTAssertEqual(state.focus, .learningRate)
        _ = state.handle(.key(.right))
        XCTAssertEqual(state.hyperparameters.learningRate, 0.2, accuracy: 1e-12)
        _ = state.handle(.key(.tab))
        _ = state.handle(.key(.left))
        XCTAssertEqual(state.hyperparameters.batchSize, 16)
        state.focus = .step
        XCTAssertEqual(state.handle(.key(.enter)), [.step])
        _ = state.handle(.key(.right))
        XCTAssertEqual(state.focus, .reset)
    }

    func testMouseClicksButtonsAndSelectors() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        let layout = state.layout
        let step = layout.controlAreas[.step]!
        XCTAssertEqual(state.handle(.mouse(button: .left, action: .press, x: step.x + 1, y: step.y)), [.step])
        XCTAssertEqual(state.focus, .step)
        let method = layout.controlAreas[.method]!
        let options = state.selector(.method).optionRects(in: method)
        var expected = state.hyperparameters
        expected.method = .minibatch
        XCTAssertEqual(state.handle(.mouse(button: .left, action: .press, x: options[2].x + 2, y: method.y)), [.setHyperparameters(expected)])
        XCTAssertEqual(state.handle(.mouse(button: .left, action: .press, x: 0, y: 0)), [], "a click outside the controls does nothing")
    }

    func testMouseDragsAndWheelsSliders() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        let area = state.layout.controlAreas[.learningRate]!
        let track = Slider.track(in: area)
        _ = state.handle(.mouse(button: .left, action: .press, x: track.x, y: area.y))
        XCTAssertEqual(state.hyperparameters.learningRate, 1e-6, accuracy: 1e-18, "the floor: whole decades from 1e-5 × the bound 0.25")
        XCTAssertEqual(state.dragging, .learningRate)
        _ = state.handle(.mouse(button: .left, action: .drag, x: track.right + 5, y: area.y + 3))
        XCTAssertEqual(state.hyperparameters.learningRate, 10, accuracy: 1e-12)
        _ = state.handle(.mouse(button: .left, action: .release, x: track.right + 5, y: area.y + 3))
        XCTAssertNil(state.dragging)
        let batch = state.layout.controlAreas[.batchSize]!
        _ = state.handle(.mouse(button: .wheelUp, action: .press, x: batch.x + 10, y: batch.y))
        XCTAssertEqual(state.hyperparameters.batchSize, 64)
        XCTAssertEqual(state.focus, .batchSize)
        let speed = state.layout.controlAreas[.speed]!
        XCTAssertEqual(
            state.handle(.mouse(button: .left, action: .press, x: Slider.track(in: speed).x, y: speed.y)),
            [.setSpeed(stepsPerSecond: 1)])
    }

    func testResizeAndSignals() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        _ = state.handle(.resize(width: 60, height: 20))
        XCTAssertTrue(state.layout.isTooSmall)
        XCTAssertEqual(state.handle(.mouse(button: .left, action: .press, x: 50, y: 12)), [], "no hidden controls when too small")
        _ = state.handle(.terminationSignal(15))
        XCTAssertEqual(state.exitCode, 143)
    }
}
