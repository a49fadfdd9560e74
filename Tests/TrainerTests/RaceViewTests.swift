// The live race view: its keys and clicks, a golden frame at 80×24, and a real race on the in-memory backend.
import Engine
import Foundation
import Plot
import Terminal
import XCTest
@testable import Trainer

final class RaceViewTests: XCTestCase {
    private let contestants = RaceContestant.standard(stableRate: 1)

    private func state() -> RaceState {
        var state = RaceState(width: 80, height: 24, dataName: "line", rowCount: 20, featureNames: ["x"], contestants: contestants)
        state.snapshots = contestants.enumerated().map { index, contestant in
            TrainingSnapshot(
                step: 120, epoch: 1, weights: [1.9 + 0.03 * Double(index)], intercept: 2.9 - 0.1 * Double(index),
                trainLoss: 1.07 + 0.05 * Double(index), status: .paused, hyperparameters: contestant.hyperparameters)
        }
        return state
    }

    private func curves() -> [LossCurve] {
        (0..<3).map { k in
            let buckets = (0..<60).map { i -> LossCurve.Bucket in
                let value = 1 + 200 * exp(-Double(i * 2) / Double(8 + 6 * k)) + (k == 1 ? 0.3 * abs(sin(Double(i))) : 0)
                return LossCurve.Bucket(firstStep: i * 2, lastStep: i * 2 + 1, min: value, max: value, last: value)
            }
            return LossCurve(buckets: buckets, totalSteps: 120)
        }
    }

    func testKeysDriveEveryContestant() {
        var state = state()
        XCTAssertEqual(state.handle(.key(.character(" "))), [.start])
        XCTAssertEqual(state.handle(.key(.character(" "))), [.pause])
        XCTAssertEqual(state.handle(.key(.character("s"))), [.step])
        XCTAssertEqual(state.handle(.key(.character("r"))), [.reset])
        _ = state.handle(.key(.character("?")))
        XCTAssertTrue(state.showsHelp)
        XCTAssertEqual(state.handle(.key(.character(" "))), [], "the help swallows keys")
        _ = state.handle(.key(.escape))
        XCTAssertFalse(state.showsHelp)
        _ = state.handle(.key(.character("q")))
        XCTAssertEqual(state.exitCode, 0)
    }

    func testTheBorderWordsAreClickable() {
        var state = state()
        let step = state.toolbar().first { $0.action == .step }!
        XCTAssertEqual(state.handle(.mouse(button: .left, action: .press, x: step.area.x + 1, y: step.area.y)), [.step])
        let run = state.toolbar().first { $0.action == .run }!
        XCTAssertEqual(state.handle(.mouse(button: .left, action: .press, x: run.area.x, y: run.area.y)), [.start])
        XCTAssertEqual(state.toolbar().first?.text, "pause")
    }

    func testGoldenRace80x24() {
        let buffer = RaceScreen(state: state(), curves: curves()).render()
        GoldenFrame.assertMatches(buffer, named: "race-80x24")
        for label in ["GD", "SGD", "mini-batch 32"] { XCTAssertTrue(buffer.text.contains(label), label) }
        XCTAssertTrue(buffer.text.contains("Weights per method"))
        let roles = Set(buffer.cells.map(\.role))
        XCTAssertTrue(roles.isSuperset(of: [.lossTrain, .lossTest, .reference]), "each method has its own colour")
    }

    func testARealRaceRunsEveryMethodFromTheSameStart() {
        let race = RaceSession(train: TrainerFixtures.lineData, stop: StopCriteria(steps: 30))
        defer { race.shutdown() }
        let backend = MemoryBackend(width: 80, height: 24, events: [.key(.character(" "))])
        let app = RaceApp(race: race, backend: backend, styles: Theme.builtInDefault.styles, state: RaceState(
            width: 1, height: 1, dataName: "line", rowCount: 20, featureNames: ["x"], contestants: race.contestants))
        let deadline = Date().addingTimeInterval(10)
        while race.snapshots().contains(where: { $0.step < 30 }), Date() < deadline { app.run(maxIdleFrames: 3) }
        app.run(maxIdleFrames: 2)
        XCTAssertEqual(race.snapshots().map(\.step), [30, 30, 30])
        let text = backend.frames.last!.text
        for label in ["GD", "SGD", "mini-batch 32"] { XCTAssertTrue(text.contains(label), label) }
        XCTAssertTrue(text.contains("step 30"))
        XCTAssertFalse(app.state.isRunning, "the race ends when every contestant reached the limit")
    }
}
