// The live race view: its keys and clicks, a golden frame at 80×24, and a real race on the in-memory backend.
import TestSupport
@testable import Engine
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
        golden.assertMatches(buffer, named: "race-80x24")
        for label in ["GD", "SGD", "mini-batch 32"] { XCTAssertTrue(buffer.text.contains(label), label) }
        XCTAssertTrue(buffer.text.contains("Weights per method"))
        let roles = Set(buffer.cells.map(\.role))
        XCTAssertTrue(roles.isSuperset(of: [.lossTrain, .lossTest, .reference]), "each method has its own colour")
        for letter in ["G", "S", "B"] { XCTAssertTrue(buffer.lines[4..<13].joined().contains(letter), "\(letter) marks its line") }
    }

    /// Five contestants on a screen with no colour (monochrome theme, NO_COLOR, a projector): the text alone,
    /// roles ignored, must tell each line apart and match it to its legend entry.
    func testEveryContestantHasItsOwnLookWithoutColour() {
        let five = RaceContestant.standard(stableRate: 1, extras: [.momentum, .adam])
        let looks = RaceLook.looks(five)
        XCTAssertEqual(looks.map(\.marker), ["G", "S", "B", "M", "A"])
        XCTAssertEqual(Set(looks.map(\.pattern)).count, 5, "no two share a dash pattern")
        let curves = (0..<5).map { k in
            LossCurve(buckets: (0..<150).map { i -> LossCurve.Bucket in
                let value = 1 + 100 * exp(-Double(i) / Double(6 + 9 * k))
                return LossCurve.Bucket(firstStep: i, lastStep: i, min: value, max: value, last: value)
            }, totalSteps: 150)
        }
        for mode in [RenderMode.braille, .halfBlock, .ascii] {
            var state = RaceState(width: 80, height: 24, dataName: "line", rowCount: 20, featureNames: ["x"], contestants: five)
            state.renderMode = mode
            let buffer = RaceScreen(state: state, curves: curves).render()
            let chart = state.layout.chart
            let legend = buffer.lines[chart.y + 1]
            var samples: [String] = []
            for (contestant, look) in zip(five, looks) {
                let line = Series(
                    name: contestant.label, role: look.role, marker: look.marker, pattern: look.pattern, marksLine: true, xs: [], ys: [])
                let sample = LineChart.sample(of: line, mode: mode, width: 5)
                samples.append(sample)
                XCTAssertTrue(legend.contains(sample + " " + contestant.label), "\(mode): legend shows \(contestant.label)'s line\n\(legend)")
                let plotted = buffer.lines[(chart.y + 2)..<(chart.bottom - 3)].map { $0.filter { $0 == look.marker }.count }.reduce(0, +)
                XCTAssertGreaterThanOrEqual(plotted, 2, "\(mode): \(contestant.label)'s letter is on its line\n" + buffer.text)
            }
            XCTAssertEqual(Set(samples).count, 5, "\(mode): five different legend samples \(samples)")
        }
    }

    func testSixContestantsHaveSixDistinctColoursAndPatterns() {
        let six = RaceContestant.standard(stableRate: 1, extras: [.momentum, .adam, .nesterov])
        XCTAssertEqual(six.count, 6)
        let looks = RaceLook.looks(six)
        XCTAssertEqual(Set(looks.map(\.role)).count, 6, "no two share a colour role: \(looks.map(\.role))")
        XCTAssertEqual(Set(looks.map(\.pattern)).count, 6, "no two share a dash pattern: \(looks.map(\.pattern))")
        XCTAssertNotEqual(looks[5].pattern, looks[0].pattern, "the sixth is not drawn like GD")
        XCTAssertNotEqual(looks[5].role, looks[0].role, "the sixth is not coloured like GD")
        XCTAssertEqual(Set(looks.map { Theme.builtInDefault.styles.style(for: $0.role) }).count, 6, "the default theme gives six different colours")
    }

    func testAdamAloneKeepsItsLetterAndAPatternOfItsOwn() {
        let four = RaceContestant.standard(stableRate: 1, extras: [.adam])
        let looks = RaceLook.looks(four)
        XCTAssertEqual(looks.last?.marker, "A")
        XCTAssertEqual(Set(looks.map(\.pattern)).count, 4)
        let twins = [four[0], four[0]]
        XCTAssertEqual(RaceLook.looks(twins).map(\.marker), ["G", "2"], "a letter already taken becomes a digit")
    }

    func testTheTitleSaysWhenTheRaceIsOver() {
        XCTAssertEqual(RaceScreen.word(for: [.ready, .ready, .ready]), "READY")
        XCTAssertEqual(RaceScreen.word(for: [.running, .maxSteps, .paused]), "RUNNING")
        XCTAssertEqual(RaceScreen.word(for: [.paused, .paused, .paused]), "PAUSED")
        XCTAssertEqual(RaceScreen.word(for: [.maxSteps, .paused, .maxSteps]), "PAUSED", "one can still go on")
        XCTAssertEqual(RaceScreen.word(for: [.maxSteps, .converged, .diverged]), "FINISHED")
        var state = state()
        state.snapshots = state.snapshots.map { var s = $0; s.status = .maxSteps; return s }
        XCTAssertTrue(RaceScreen(state: state, curves: curves()).render().lines[0].contains("FINISHED"))
    }

    func testBeforeTheFirstStepTheChartSaysHowToStart() {
        let state = RaceState(width: 80, height: 24, dataName: "line", rowCount: 20, featureNames: ["x"], contestants: contestants)
        let start = (0..<3).map { _ in
            LossCurve(buckets: [LossCurve.Bucket(firstStep: 0, lastStep: 0, min: 200, max: 200, last: 200)], totalSteps: 0)
        }
        let text = RaceScreen(state: state, curves: start).render().text
        XCTAssertTrue(text.contains("press Space to start the race"), text)
        XCTAssertFalse(text.contains("-1"), "no axis from step -1")
    }

    func testTheTableShowsLongLabelsWhole() {
        let contestants = RaceContestant.standard(stableRate: 1, batchSize: 1024)
        let state = RaceState(width: 80, height: 24, dataName: "line", rowCount: 2000, featureNames: ["x"], contestants: contestants)
        let table = RaceScreen(state: state, curves: []).render().lines[state.layout.table.y + 2..<state.layout.table.bottom - 1]
        XCTAssertTrue(table.contains { $0.contains("mini-batch 1024 ") }, table.joined(separator: "\n"))
    }

    func testARealRaceRunsEveryMethodFromTheSameStart() {
        let race = RaceSession(train: TrainerFixtures.lineData, stop: StopCriteria(steps: 30))
        defer { race.shutdown() }
        let backend = MemoryBackend(width: 80, height: 24, events: [.key(.character(" "))])
        let app = RaceApp(race: race, backend: backend, styles: Theme.builtInDefault.styles, state: RaceState(
            width: 1, height: 1, dataName: "line", rowCount: 20, featureNames: ["x"], contestants: race.contestants))
        waitFor("every contestant at step 30") {
            app.run(maxIdleFrames: 3)
            return !race.snapshots().contains(where: { $0.step < 30 })
        }
        app.run(maxIdleFrames: 2)
        XCTAssertEqual(race.snapshots().map(\.step), [30, 30, 30])
        let text = backend.frames.last!.text
        for label in ["GD", "SGD", "mini-batch 32"] { XCTAssertTrue(text.contains(label), label) }
        XCTAssertTrue(text.contains("step 30"))
        XCTAssertFalse(app.state.isRunning, "the race ends when every contestant reached the limit")
    }
}
