// The race view's own rates: ↑ ↓ choose a contestant, + - change its rate alone, and every column shows at 80 wide.
import TestSupport
import MessageText
@testable import Engine
import Foundation
import Plot
import Terminal
import XCTest
@testable import Trainer

final class RaceRateTests: XCTestCase {
    private func diabetesState(width: Int, height: Int, extras: [RaceContestant.Extra]) throws -> RaceState {
        let train = try DataSpecification(source: .builtin(.diabetes)).load().train
        var probe = TrainingRun(train: train)
        let contestants = RaceContestant.standard(
            stableRate: probe.largestStableLearningRate(), extras: extras,
            targetScale: RaceContestant.targetScale(of: train, fitIntercept: true))
        var state = RaceState(
            width: width, height: height, dataName: "diabetes", rowCount: train.rowCount, featureNames: train.featureNames,
            contestants: contestants)
        // Fixed weights, so the frame is reproducible: each contestant a little further from zero.
        state.snapshots = contestants.enumerated().map { index, contestant in
            TrainingSnapshot(
                step: 250, epoch: 250, weights: (0..<10).map { j in Double(j - 4) * (1.5 + Double(index)) + (j == 2 ? -0.0364 : 0) },
                intercept: 152.13 - Double(index), trainLoss: 2900 + 40 * Double(index), status: .paused,
                hyperparameters: contestant.hyperparameters)
        }
        return state
    }

    func testArrowsChooseAContestantAndPlusMinusChangeOnlyItsRate() throws {
        var state = try diabetesState(width: 80, height: 24, extras: [.adam])
        let before = state.contestants.map(\.hyperparameters.learningRate)
        XCTAssertEqual(state.handle(.key(.up)), [])
        XCTAssertEqual(state.selected, 3, "up from the first wraps to the last: Adam")
        XCTAssertEqual(state.handle(.key(.character("+"))), [], "nothing for every contestant")
        XCTAssertEqual(state.contestantChanges.count, 1)
        XCTAssertEqual(state.contestantChanges.first?.index, 3)
        XCTAssertEqual(state.contestants[3].hyperparameters.learningRate, 2, "1.52 up to the next 1-2-5 stop")
        XCTAssertEqual(state.contestantChanges.first?.hyperparameters, state.contestants[3].hyperparameters)
        XCTAssertEqual(state.contestants[0..<3].map(\.hyperparameters.learningRate), Array(before[0..<3]))
        _ = state.handle(.key(.character("-")))
        _ = state.handle(.key(.character("-")))
        XCTAssertEqual(state.contestants[3].hyperparameters.learningRate, 0.5)
        _ = state.handle(.key(.down))
        XCTAssertEqual(state.selected, 0)
        let text = RaceScreen(state: state, curves: []).render().text
        XCTAssertTrue(text.contains("Adam          0.5 "), text)
    }

    func testARateAboveItsRulesBoundIsMarked() throws {
        var state = try diabetesState(width: 80, height: 24, extras: [.momentum])
        for index in state.snapshots.indices { state.snapshots[index].largestStableLearningRate = 0.2485 }
        var text = RaceScreen(state: state, curves: []).render().text
        XCTAssertFalse(text.contains("!"), "every default is below its bound\n" + text)
        // GD 0.124 → 0.2 → 0.5: above 2/λmax = 0.2485. Momentum at 0.4 stays below its own 2(1+β)/λmax = 0.472.
        _ = state.handle(.key(.character("+")))
        _ = state.handle(.key(.character("+")))
        state.contestants[3].hyperparameters.learningRate = 0.4
        let buffer = RaceScreen(state: state, curves: []).render()
        text = buffer.text
        XCTAssertTrue(text.contains("GD            0.5! "), text)
        XCTAssertTrue(text.contains("momentum      0.4 "), text)
        let row = try XCTUnwrap(buffer.lines.firstIndex { $0.contains("0.5!") })
        XCTAssertEqual(buffer[state.layout.table.x + 16, row].role, .sliderWarning)
    }

    func testTheRateStopsAreThe125Sequence() {
        XCTAssertEqual(RaceState.rateNotch(after: 0.1, up: true), 0.2)
        XCTAssertEqual(RaceState.rateNotch(after: 0.2, up: true), 0.5)
        XCTAssertEqual(RaceState.rateNotch(after: 0.5, up: true), 1)
        XCTAssertEqual(RaceState.rateNotch(after: 0.00137, up: false), 0.001)
        XCTAssertEqual(RaceState.rateNotch(after: 1, up: false), 0.5)
    }

    func testEveryWeightColumnIsShownAt80WideAnd120Wide() throws {
        for (width, height) in [(80, 24), (120, 40)] {
            let state = try diabetesState(width: width, height: height, extras: [.momentum, .adam])
            let buffer = RaceScreen(state: state, curves: []).render()
            let table = buffer.lines[state.layout.table.y..<state.layout.table.bottom].joined(separator: "\n")
            for name in state.featureNames + ["b", "lr", "step", "train MSE"] {
                XCTAssertTrue(table.contains(" \(name) "), "\(width)×\(height) shows \(name)\n" + table)
            }
            for contestant in state.contestants {
                XCTAssertTrue(table.contains(contestant.label + " "), table)
                XCTAssertTrue(table.contains(NumberText.rate(contestant.hyperparameters.learningRate)), table)
            }
            XCTAssertTrue(table.contains("152.1") || table.contains("152"), "the intercept's value\n" + table)
            XCTAssertGreaterThanOrEqual(state.layout.chart.height, 8, "the chart keeps room")
            golden.assertMatches(buffer, named: "race-diabetes-\(width)x\(height)")
        }
    }

    func testARealRaceSendsARateChangeToThatContestantAlone() {
        let race = RaceSession(train: TrainerFixtures.lineData, stop: StopCriteria(steps: 30), extras: [.adam])
        defer { race.shutdown() }
        let backend = MemoryBackend(width: 80, height: 24, events: [.key(.up), .key(.character("+")), .key(.character("s"))])
        let app = RaceApp(race: race, backend: backend, styles: Theme.builtInDefault.styles, state: RaceState(
            width: 1, height: 1, dataName: "line", rowCount: 20, featureNames: ["x"], contestants: race.contestants))
        app.run(maxIdleFrames: 1)
        race.waitUntilIdle()
        let snapshots = race.snapshots()
        XCTAssertEqual(snapshots[3].hyperparameters.learningRate, RaceState.rateNotch(after: race.contestants[3].hyperparameters.learningRate, up: true))
        for index in 0..<3 { XCTAssertEqual(snapshots[index].hyperparameters, race.contestants[index].hyperparameters) }
        XCTAssertEqual(snapshots.map(\.step), [1, 1, 1, 1])
    }
}
