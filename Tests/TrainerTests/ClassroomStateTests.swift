// The classroom keys and toolbar clicks as state changes and session commands, without a terminal.
import Engine
import Plot
import Terminal
import XCTest
@testable import Trainer

final class ClassroomStateTests: XCTestCase {
    private func key(_ character: Character) -> InputEvent { .key(.character(character)) }

    private func click(_ state: inout TrainerState, _ action: TrainerAction) -> [SessionCommand] {
        guard let item = state.toolbarItems().first(where: { $0.action == action }) else {
            XCTFail("no toolbar word for \(action)")
            return []
        }
        return state.handle(.mouse(button: .left, action: .press, x: item.area.x + 1, y: item.area.y))
    }

    func testVSwitchesToTheLandscapeAndEscapeOrVComesBack() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        XCTAssertEqual(state.handle(key("v")), [])
        XCTAssertTrue(state.showsLandscape)
        _ = state.handle(.key(.escape))
        XCTAssertFalse(state.showsLandscape)
        _ = state.handle(key("v"))
        _ = state.handle(key("v"))
        XCTAssertFalse(state.showsLandscape)
        _ = click(&state, .landscape)
        XCTAssertTrue(state.showsLandscape, "the toolbar word does the same")
        _ = click(&state, .close)
        XCTAssertFalse(state.showsLandscape)
    }

    func testLandscapeAxesAreWAndBForOneFeatureAndChosenOtherwise() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        XCTAssertEqual([state.landscapeAxes.x, state.landscapeAxes.y], [0, 1])
        _ = state.handle(key("v"))
        _ = state.handle(key("("))
        XCTAssertEqual([state.landscapeAxes.x, state.landscapeAxes.y], [0, 1], "w and b stay")
        XCTAssertNotNil(state.notice)

        var wide = TrainerState(
            width: 80, height: 24, hyperparameters: Hyperparameters(), rowCount: 50, dataName: "d",
            featureNames: ["a", "b1", "c"])
        XCTAssertEqual(wide.landscapeAxes.parameterCount, 4)
        _ = wide.handle(key("v"))
        _ = wide.handle(key("("))
        XCTAssertEqual([wide.landscapeAxes.x, wide.landscapeAxes.y], [2, 1], "x skips the parameter on y")
        _ = wide.handle(key(")"))
        XCTAssertEqual([wide.landscapeAxes.x, wide.landscapeAxes.y], [2, 3], "y moves on to the intercept")
        _ = wide.handle(key(")"))
        XCTAssertEqual([wide.landscapeAxes.x, wide.landscapeAxes.y], [2, 0], "and wraps, skipping x")
        _ = click(&wide, .landscapeX)
        XCTAssertEqual(wide.landscapeAxes.x, 3)

        let noIntercept = LandscapeAxes(featureCount: 1, fitIntercept: false)
        XCTAssertFalse(noIntercept.isPlottable)
        var single = TrainerState(
            width: 80, height: 24, hyperparameters: Hyperparameters(), rowCount: 50, dataName: "d", featureNames: ["a"],
            fitIntercept: false)
        _ = single.handle(key("v"))
        XCTAssertFalse(single.showsLandscape, "one parameter has no landscape")
        XCTAssertTrue(single.notice?.contains("two parameters") == true)
    }

    func testZTogglesStandardizationAndReasksForTheClosedForm() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        XCTAssertEqual(state.handle(key("z")), [.setStandardized(false)])
        XCTAssertEqual(state.handle(key("z")), [.setStandardized(true)])
        state.isComparing = true
        XCTAssertEqual(state.handle(key("z")), [.setStandardized(false), .requestClosedForm])
        XCTAssertEqual(click(&state, .standardize), [.setStandardized(true), .requestClosedForm])
    }

    func testGPinsAGhostAndShiftGClearsThem() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        XCTAssertEqual(state.handle(key("g")), [])
        XCTAssertEqual(state.requests, [.pinGhost])
        state.requests.removeAll()
        _ = click(&state, .pinGhost)
        XCTAssertEqual(state.requests, [.pinGhost])
        state.ghosts.pin(TrainerFixtures.ghost(rate: 0.01))
        _ = state.handle(key("G"))
        XCTAssertTrue(state.ghosts.isEmpty)
    }

    func testNNarratesAndTheNextNTakesTheStepEscapeLeaves() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        _ = state.handle(key("n"))
        XCTAssertEqual(state.overlay, .narration)
        XCTAssertEqual(state.requests, [.narrate])
        state.requests.removeAll()
        XCTAssertEqual(state.handle(key("n")), [])
        XCTAssertEqual(state.requests, [.narrateStep])
        state.requests.removeAll()
        XCTAssertEqual(state.handle(key("r")), [], "other keys do nothing under the narration")
        _ = click(&state, .narrateStep)
        XCTAssertEqual(state.requests, [.narrateStep], "the window's word takes the step too")
        _ = state.handle(.key(.escape))
        XCTAssertEqual(state.overlay, .none)
    }

    func testEExportsAndWSmoothsAndXSwitchesTheAxis() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        _ = state.handle(key("e"))
        XCTAssertEqual(state.requests, [.export])
        _ = state.handle(key("w"))
        XCTAssertEqual(state.smoothing.weight, 0.5)
        for _ in 0..<4 { _ = state.handle(key("w")) }
        XCTAssertEqual(state.smoothing.weight, 0.99)
        _ = state.handle(key("w"))
        XCTAssertEqual(state.smoothing.weight, 0, "the strongest wraps back to off")
        _ = click(&state, .smoothing)
        XCTAssertEqual(state.smoothing.weight, 0.5)
        _ = state.handle(key("x"))
        XCTAssertTrue(state.showsEpochs)
        _ = click(&state, .xAxis)
        XCTAssertFalse(state.showsEpochs)
        _ = click(&state, .logAxis)
        XCTAssertFalse(state.logLossAxis)
    }

    func testLockedControlsRefuseWithAMessageAndHiddenOnesIgnoreTheMouse() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.locked = [.lr, .standardize, .method]
        XCTAssertEqual(state.handle(key("+")), [])
        XCTAssertEqual(state.hyperparameters.learningRate, 0.1)
        XCTAssertEqual(state.notice, "lr: locked by the preset")
        XCTAssertEqual(state.handle(key("z")), [])
        XCTAssertEqual(state.notice, "standardize: locked by the preset")
        XCTAssertEqual(state.handle(key("m")), [])
        XCTAssertEqual(state.handle(key("]")), [.setHyperparameters(Hyperparameters(method: .gd, learningRate: 0.1, batchSize: 64))])
        state.hidden = [.speed]
        let speed = state.layout.controlAreas[.speed]!
        XCTAssertEqual(state.handle(.mouse(button: .left, action: .press, x: Slider.track(in: speed).x, y: speed.y)), [])
        XCTAssertEqual(state.handle(key("<")), [], "a hidden control is locked too")
    }

    func testReplayTurnsTrainingKeysOffButNotTheViews() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.replayProgress = (0, 3)
        XCTAssertEqual(state.handle(key(" ")), [])
        XCTAssertEqual(state.handle(key("s")), [])
        XCTAssertEqual(state.handle(key("+")), [])
        XCTAssertTrue(state.notice?.contains("replaying") == true)
        _ = state.handle(key("v"))
        XCTAssertTrue(state.showsLandscape)
        _ = state.handle(key("g"))
        XCTAssertEqual(state.requests, [.pinGhost])
    }

    func testSpaceOnAConvergedRunStartsItAgain() {
        var state = TrainerFixtures.state(width: 80, height: 24, status: .converged)
        XCTAssertEqual(state.handle(key(" ")), [.start], "Space runs on past convergence (the engine waives its tolerance)")
        XCTAssertEqual(state.status, .running)
        XCTAssertEqual(state.handle(key(" ")), [.pause])
    }

    func testANewSettingOnAConvergedRunRunsOnWithIt() {
        var state = TrainerFixtures.state(width: 80, height: 24, status: .converged)
        var expected = state.hyperparameters
        expected.learningRate = 0.2
        XCTAssertEqual(state.handle(key("+")), [.setHyperparameters(expected), .start], "a new rate after convergence runs on")
        expected.learningRate = 0.5
        XCTAssertEqual(state.handle(key("+")), [.setHyperparameters(expected)], "running: only the setting")
        var paused = TrainerFixtures.state(width: 80, height: 24, status: .paused)
        expected.learningRate = 0.2
        XCTAssertEqual(paused.handle(key("+")), [.setHyperparameters(expected)], "a paused run stays paused")
    }
}
