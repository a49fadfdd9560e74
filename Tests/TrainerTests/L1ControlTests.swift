// The L1 control (`L`, the L1 slider): it sends α₁ to the engine, which sets diabetes weights exactly to zero, and a recording replays it.
import TestSupport
@testable import Engine
import Foundation
import Plot
import Terminal
import XCTest
@testable import Trainer

final class L1ControlTests: XCTestCase {
    private func diabetesState(width: Int = 80, height: Int = 24) throws -> (TrainerState, LoadedData) {
        let loaded = try DataSpecification(source: .builtin(.diabetes)).load()
        let state = TrainerState(
            width: width, height: height, hyperparameters: Hyperparameters(method: .gd, learningRate: 0.1),
            rowCount: loaded.train.rowCount, dataName: "diabetes", featureNames: loaded.train.featureNames)
        return (state, loaded)
    }

    private func sentL1(_ commands: [SessionCommand]) -> Double? {
        for case .setHyperparameters(let h) in commands { return h.l1 }
        return nil
    }

    func testLStepsThroughTheDecadesAndBackToOff() throws {
        var (state, _) = try diabetesState()
        var seen: [Double] = []
        for _ in 0..<7 {
            let l1 = sentL1(state.handle(.key(.character("L"))))
            XCTAssertEqual(l1, state.hyperparameters.l1, "each press sends the value it shows")
            seen.append(l1 ?? .nan)
        }
        XCTAssertEqual(seen, [0.01, 0.1, 1, 10, 100, 1000, 0])
    }

    func testUnderSSETheRangeIsNTimesTheMSEs() throws {
        var (state, _) = try diabetesState()
        state.hyperparameters.loss = .sse
        XCTAssertEqual(state.l1Scale.lower, 1e-3 * 442, accuracy: 1e-9)
        XCTAssertEqual(sentL1(state.handle(.key(.character("L")))), 10)
    }

    func testArrowsOnTheFocusedSliderMoveByNotchesAndReachOff() throws {
        var (state, _) = try diabetesState()
        state.focus = .l1
        XCTAssertEqual(sentL1(state.handle(.key(.right))), 0.001)
        XCTAssertEqual(sentL1(state.handle(.key(.right))), 0.002)
        XCTAssertEqual(sentL1(state.handle(.key(.left))), 0.001)
        XCTAssertEqual(sentL1(state.handle(.key(.left))), 0)
        XCTAssertNil(sentL1(state.handle(.key(.left))), "off is the end: nothing to send")
        XCTAssertEqual(ControlID.batchSize.next, .l1, "Tab reaches the L1 slider after the batch slider")
    }

    func testClickOnTheTrackSetsAValueAndTheLeftEndSwitchesItOff() throws {
        var (state, _) = try diabetesState()
        let area = try XCTUnwrap(state.layout.controlAreas[.l1])
        let track = Slider.track(in: area)
        let right = sentL1(state.handle(.mouse(button: .left, action: .press, x: track.right - 1, y: area.y)))
        XCTAssertEqual(right, 1000, "the right end is the top of the range")
        _ = state.handle(.mouse(button: .left, action: .release, x: track.right - 1, y: area.y))
        XCTAssertEqual(sentL1(state.handle(.mouse(button: .left, action: .press, x: track.x, y: area.y))), 0)
    }

    func testALockedL1IsRefusedWithANotice() throws {
        var (state, _) = try diabetesState()
        state.locked = [.l1]
        XCTAssertNil(sentL1(state.handle(.key(.character("L")))))
        XCTAssertEqual(state.notice, "l1: locked by the preset")
    }

    func testTheSliderShowsTheValueAndOff() throws {
        var (state, _) = try diabetesState()
        XCTAssertEqual(ControlsPanel(state: state).slider(.l1).valueText, "off")
        XCTAssertTrue(ControlsPanel(state: state).slider(.l1).isDimmed)
        _ = state.handle(.key(.character("L")))
        XCTAssertEqual(ControlsPanel(state: state).slider(.l1).valueText, "0.01")
        XCTAssertEqual(ControlsPanel(state: state).slider(.l1).fraction, TrainerState.l1Fraction(of: 0.01, in: state.l1Scale))
    }

    /// `L` four times (α₁ = 10) through the real frame loop: the engine trains with it, diabetes weights hit
    /// exactly zero where the coordinate-descent optimum has zeros, the Weights panel marks them, and the
    /// recording of the session replays to the same bits.
    func testTheEngineReceivesL1AndSetsDiabetesWeightsExactlyToZero() throws {
        // 120×40: the Weights panel has a row for each of the ten weights.
        let (start, loaded) = try diabetesState(width: 120, height: 40)
        let setup = SessionSetup(
            data: DataSpecification(source: .builtin(.diabetes)), hyperparameters: start.hyperparameters,
            stop: StopCriteria(steps: 3000))
        let session = setup.makeSession(loaded)
        defer { session.shutdown() }
        let backend = MemoryBackend(width: 120, height: 40)
        let app = TrainerApp(
            session: session, backend: backend, catalog: ThemeCatalog(userDirectory: nil), state: start, noColor: false,
            setup: setup)
        backend.pendingEvents = Array(repeating: InputEvent.key(.character("L")), count: 4) + [.key(.character(" "))]
        app.run(maxIdleFrames: 1)
        waitFor(session, "the run to stop by itself", seconds: 60) { $0.status != .running && $0.status != .ready }
        backend.pendingEvents = []
        app.run(maxIdleFrames: 2)
        let snapshot = session.snapshot()
        XCTAssertEqual(snapshot.hyperparameters.l1, 10)
        let optimum = ElasticNetOptimum(train: loaded.train, fitIntercept: true, l1: 10, l2: 0, standardized: true)
        let zeros = snapshot.weights.indices.filter { snapshot.weights[$0] == 0 }
        XCTAssertEqual(zeros, optimum.weights.indices.filter { optimum.weights[$0] == 0 }, "\(snapshot.weights) vs \(optimum.weights)")
        XCTAssertFalse(zeros.isEmpty, "α₁ = 10 zeroes some diabetes weights: \(snapshot.weights)")
        XCTAssertLessThan(zeros.count, snapshot.weights.count, "and keeps others: \(snapshot.weights)")
        let frame = try XCTUnwrap(backend.frames.last)
        for index in zeros { XCTAssertTrue(frame.text.contains(loaded.train.featureNames[index] + " =0"), frame.text) }
        XCTAssertTrue(frame.lines.contains { $0.contains("L1 ") && $0.contains(" 10 ") }, frame.text)

        let recording = SessionRecorder.recording(of: session, setup: setup)
        XCTAssertTrue(recording.commands.contains { $0.command == .setHyperparameters(snapshot.hyperparameters) })
        let replayed = try recording.replay(on: loaded)
        XCTAssertEqual(replayed.model.weights.map(\.bitPattern), snapshot.weights.map(\.bitPattern))
    }

    func testGoldenL1SliderOnDiabetes() throws {
        var setup = FitViewFixtures.diabetes
        setup.hyperparameters.l1 = 10
        let frame = try FitViewFixtures.frame(setup: setup, steps: 400, width: 80, height: 24) { $0.focus = .l1 }
        XCTAssertTrue(frame.buffer.text.contains("L1 "), frame.buffer.text)
        golden.assertMatches(frame.buffer, named: "l1-control-80x24")
    }
}
