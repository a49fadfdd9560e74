// Frames of the classroom features at 80×24: landscape, narration, ghosts, stability marker, scaling, presets.
import TestSupport
@testable import Engine
import Plot
import XCTest
@testable import Trainer

final class ClassroomScreenTests: XCTestCase {
    private func frame(_ state: TrainerState, landscape: LandscapeFrame? = nil) -> Buffer {
        TrainerScreen(state: state, charts: TrainerFixtures.charts(), landscape: landscape).render()
    }

    func testGoldenLandscape80x24() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.showsLandscape = true
        let buffer = frame(state, landscape: TrainerFixtures.landscape())
        golden.assertMatches(buffer, named: "landscape-80x24")
        XCTAssertTrue(buffer.text.contains("◆"), "the optimum is marked")
        XCTAssertTrue(buffer.text.contains("●"), "the current model ends the path")
        XCTAssertFalse(buffer.text.contains("Predicted vs actual"), "the landscape takes the left column")
        XCTAssertTrue(buffer.text.contains("Loss landscape · x →  b ↑"), "one feature: the axes are w and b")
    }

    func testGoldenNarration80x24() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.overlay = .narration
        state.narration = TrainerFixtures.run(steps: 3).narrateNextStep(rowLimit: 3)
        let buffer = frame(state)
        golden.assertMatches(buffer, named: "narration-80x24")
        for text in ["step 4: gd on all 20 rows (full batch)", "row 0: x (0)  ŷ", "∇ (z): x", "η = 0.1", "old: x", "new: x", "w ← w − η·∇w", "n: take this step"] {
            XCTAssertTrue(buffer.text.contains(text), "narration lacks \(text)")
        }
    }

    /// Eight features: 80 columns show the first few of each vector, 120 columns more, and no line is cut.
    func testNarrationShowsAsManyWeightsAsTheWidthAllows() {
        let names = (1...8).map { "feature\($0)" }
        let x = (0..<40 * 8).map { Double(($0 * 37) % 11) - 5 }
        let y = (0..<40).map { Double($0 % 7) }
        let run = TrainingRun(train: Dataset(name: "wide", featureNames: names, targetName: "y", x: x, y: y))
        let narration = run.narrateNextStep(rowLimit: 3)
        var shown: [Int] = []
        for (width, height) in [(80, 24), (120, 40)] {
            var state = TrainerFixtures.state(width: width, height: height)
            state.featureNames = names
            state.overlay = .narration
            state.narration = narration
            let buffer = frame(state)
            let gradient = buffer.lines.first { $0.contains("∇ (z): ") } ?? ""
            shown.append(names.filter { gradient.contains($0 + " ") }.count)
            let inside = String(gradient.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
            XCTAssertTrue(inside.hasSuffix("…"), "whole, the rest marked as left out: \(gradient)")
        }
        XCTAssertGreaterThanOrEqual(shown[0], 3, "\(shown)")
        XCTAssertGreaterThan(shown[1], shown[0], "wider shows more: \(shown)")
    }

    /// Ghosts, the test loss and the convergence note at once at 80×24: the chart still keeps five rows.
    func testLegendRowsLeaveTheChartFiveRows() {
        var state = TrainerFixtures.state(width: 80, height: 24, status: .converged)
        state.snapshot.testLoss = 0.6
        for rate in [0.01, 0.02, 0.05] { state.ghosts.pin(TrainerFixtures.ghost(rate: rate)) }
        let buffer = frame(state)
        let inner = PanelFrame.inner(of: state.layout.loss)
        let note = (inner.y..<inner.bottom).first { buffer.lines[$0].contains("│ CONVERGED") }
        XCTAssertNotNil(note, "the note keeps its row\n" + buffer.text)
        XCTAssertGreaterThanOrEqual(inner.bottom - (note ?? inner.bottom) - 1, 5, "and the chart its five\n" + buffer.text)
        XCTAssertTrue(buffer.text.contains("─3 gd 0.05/200"), "the ghosts are packed, each still named\n" + buffer.text)
    }

    func testGoldenGhosts80x24() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.ghosts.pin(TrainerFixtures.ghost(rate: 0.01))
        state.ghosts.pin(TrainerFixtures.ghost(rate: 0.05, method: .sgd, batch: 1))
        let buffer = frame(state)
        golden.assertMatches(buffer, named: "ghosts-80x24")
        XCTAssertTrue(buffer.text.contains("─1 ghost gd lr 0.01 batch 200"), "each ghost is named in the legend as a ghost")
        XCTAssertTrue(buffer.text.contains("╌2 ghost sgd lr 0.05 batch 1"))
        XCTAssertTrue(buffer.text.contains("[clear]"), "with ghosts the clear word appears")
        let roles = Set(buffer.cells.map(\.role))
        XCTAssertTrue(roles.contains(.ghost))
    }

    func testGhostLegendGetsARowEachWhenThereIsRoomElsePacksThem() {
        var state = TrainerFixtures.state(width: 160, height: 48)
        for rate in [0.01, 0.02, 0.05, 0.1, 0.2] { state.ghosts.pin(TrainerFixtures.ghost(rate: rate)) }
        var text = frame(state).text
        XCTAssertTrue(text.contains("─1 ghost gd lr 0.01 batch 200"))
        XCTAssertTrue(text.contains("─5 ghost gd lr 0.2 batch 200"))
        state.width = 80
        state.height = 24
        text = frame(state).text
        XCTAssertTrue(text.contains("ghosts ─1 gd 0.01/200"), "five ghosts at 80×24 share packed rows")
        XCTAssertTrue(text.contains("─5 gd 0.2/200"), "and every one of them is named")
    }

    func testGoldenDivergedAboveTheBound80x24() {
        var state = TrainerFixtures.state(width: 80, height: 24, status: .diverged)
        state.hyperparameters.learningRate = 0.5
        state.snapshot.hyperparameters.learningRate = 0.5
        state.snapshot.trainLoss = .nan
        let buffer = frame(state)
        golden.assertMatches(buffer, named: "diverged-80x24")
        XCTAssertTrue(buffer.text.contains("lr 0.5 > 2/λmax = 0.25"), "the rate used and the bound")
    }

    /// A divergence is one short line over the loss chart, which keeps every other row and its curve; the full
    /// account sits in the Controls panel, said once, at 80×24 and at 120×40.
    func testDivergenceIsOneLineOnTheChartWithTheAccountBesideIt() {
        for (width, height) in [(80, 24), (120, 40)] {
            var state = TrainerFixtures.state(width: width, height: height, status: .diverged)
            state.hyperparameters.learningRate = 0.5
            state.snapshot.hyperparameters.learningRate = 0.5
            state.snapshot.message = "the training loss grew to 3.1e13 at step 5, over a million times its best 41.64 with learning rate 0.5; the largest stable rate for full-batch GD here is 2/λmax = 0.25, so each step overshoots the valley's steepest direction; kept the weights of step 0 (loss 41.64)"
            let diverged = frame(state)
            var calm = state
            calm.snapshot.status = .paused
            let paused = frame(calm)
            let inner = PanelFrame.inner(of: state.layout.loss)
            let rows = inner.y..<inner.bottom
            let noteRows = rows.filter { diverged.lines[$0].contains("DIVERGED") }
            XCTAssertEqual(noteRows.count, 1, "\(width)×\(height): one line\n" + diverged.text)
            XCTAssertTrue(diverged.lines[noteRows[0]].contains("lr 0.5 > 2/λmax = 0.25"), diverged.lines[noteRows[0]])
            func braille(_ buffer: Buffer) -> Int {
                rows.map { y in (inner.x..<inner.right).filter { ("\u{2801}"..."\u{28FF}").contains(buffer[$0, y].character) }.count }.reduce(0, +)
            }
            XCTAssertGreaterThan(braille(diverged), braille(paused) / 2, "\(width)×\(height): the curve stays in view\n" + diverged.text)
            XCTAssertTrue(rows.contains { diverged.lines[$0].contains("┤") }, "and its axis")
            let controls = state.layout.controls
            let account = (controls.y..<controls.bottom).map { diverged.lines[$0] }.joined(separator: "\n")
            XCTAssertTrue(account.contains("the training loss grew to"), "\(width)×\(height): the account beside the controls\n" + diverged.text)
            XCTAssertLessThanOrEqual(diverged.text.components(separatedBy: "overshoots").count - 1, 1, "said once\n" + diverged.text)
            if height >= 40 { XCTAssertTrue(account.contains("kept the weights of step 0"), "whole at 120×40\n" + diverged.text) }
        }
    }

    func testLearningRateSliderTurnsToWarningAboveTheBound() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        let area = state.layout.controlAreas[.learningRate]!
        XCTAssertEqual(frame(state)[area.x, area.y].role, .label, "lr 0.1 is below the bound 0.25")
        state.hyperparameters.learningRate = 0.5
        let warned = frame(state)
        XCTAssertEqual(warned[area.x, area.y].role, .sliderWarning)
        XCTAssertTrue(warned.lines[area.y].contains("0.5!"))
        state.snapshot.largestStableLearningRate = 1.0
        XCTAssertEqual(frame(state)[area.x, area.y].role, .label, "standardization moved the bound above the rate")
    }

    func testStatusBarNamesTheScaling() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        XCTAssertTrue(frame(state).lines.last!.contains("z-scores"))
        state.snapshot.standardized = false
        XCTAssertTrue(frame(state).lines.last!.contains("raw"))
        XCTAssertTrue(frame(state).text.contains("[raw]"), "the toolbar word follows")
    }

    func testWeightBarsAreScaledByTheCoefficientsNotTheIntercept() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.featureNames = ["a", "b2"]
        state.snapshot.weights = [10, 5]
        state.snapshot.intercept = -292
        let buffer = frame(state)
        let weights = state.layout.weights
        let rows = buffer.lines[weights.y + 1..<weights.bottom - 1]
        let bar = { (name: String) in rows.first { $0.contains("│ \(name) ") || $0.contains(" \(name) ") }.map { $0.filter { $0 == "█" }.count } ?? 0 }
        XCTAssertGreaterThan(bar("a"), 20, "the largest coefficient fills most of the panel")
        XCTAssertGreaterThan(bar("b2"), 8, "half of it is plainly visible")
        XCTAssertTrue(buffer.text.contains("(intercept) -292"), "the intercept is a line of its own")
    }

    func testEpochAxisAndSmoothingAreShown() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.showsEpochs = true
        state.smoothing = SmoothingSetting(notch: 3)
        let text = frame(state).text
        XCTAssertTrue(text.contains("smoothed"))
        XCTAssertTrue(text.contains("[epochs]"))
        XCTAssertTrue(text.contains("[avg 0.9]"))
    }

    func testPresetHiddenControlsAreNotDrawn() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.hidden = [.lr, .closedForm]
        let text = frame(state).text
        XCTAssertFalse(text.contains("Closed form"))
        XCTAssertFalse(text.contains("lr     ━"), "the lr slider is hidden")
        XCTAssertTrue(text.contains("batch  ━"))
    }

    func testConvergedRunSaysSoWithTheEnginesMessage() {
        var state = TrainerFixtures.state(width: 120, height: 40, status: .converged)
        state.snapshot.message = "the relative change of the loss fell below 1e-10 at step 1234"
        let converged = frame(state)
        XCTAssertTrue(converged.lines[0].contains("CONVERGED"))
        XCTAssertTrue(converged.text.contains("CONVERGED: the relative change"), converged.text)
        XCTAssertTrue(converged.text.contains("below 1e-10 at") && converged.text.contains("step 1234"), converged.text)
        XCTAssertTrue(converged.text.contains("Space runs on"), converged.text)
        state.width = 80
        state.height = 24
        let small = frame(state)
        XCTAssertTrue(small.text.contains("CONVERGED step 1234 · Space runs on"), "one short line at 80×24\n" + small.text)
        state.snapshot.step = 63
        XCTAssertTrue(frame(state).text.contains("CONVERGED at step 63 · Space runs on"))
        state.snapshot.step = 12_345_678
        XCTAssertTrue(frame(state).text.contains("CONVERGED · Space runs on"), "a step too long to fit is left to the status bar")
        state.snapshot.status = .running
        XCTAssertFalse(frame(state).text.contains("CONVERGED"), "once it runs on, it is no longer converged")
    }

    /// The note takes rows of its own: below it, the chart is exactly the chart a panel shorter by those rows
    /// draws, so no cell of the curve, its axes or labels is covered.
    func testConvergenceNoteLeavesTheLossCurveWhole() {
        for (width, height, noteRows) in [(80, 24, 1), (120, 40, 2)] {
            var state = TrainerFixtures.state(width: width, height: height, status: .converged)
            state.snapshot.message = "the relative change of the loss fell below 1e-10 at step 1234"
            let panel = state.layout.loss
            var converged = Buffer(width: width, height: height)
            LossPanel(state: state, charts: TrainerFixtures.charts()).render(into: &converged, area: panel)
            state.snapshot.status = .paused
            var shorter = Buffer(width: width, height: height)
            let shifted = Rect(x: panel.x, y: panel.y + noteRows, width: panel.width, height: panel.height - noteRows)
            LossPanel(state: state, charts: TrainerFixtures.charts()).render(into: &shorter, area: shifted)

            let noteTop = panel.y + 2, chartTop = noteTop + noteRows
            for y in noteTop..<chartTop {
                XCTAssertFalse(converged.lines[y].contains { ("\u{2801}"..."\u{28FF}").contains($0) }, "row \(y) is the note's alone")
            }
            XCTAssertTrue(converged.lines[noteTop].contains("CONVERGED"), "\(width)×\(height)")
            XCTAssertFalse(converged.lines[chartTop].contains("CONVERGED"), "the note has \(noteRows) rows at \(width)×\(height)")
            let chartRows = chartTop..<(panel.bottom - 1)
            XCTAssertEqual(
                chartRows.map { converged.lines[$0] }, chartRows.map { shorter.lines[$0] },
                "at \(width)×\(height) the chart under the note is whole")
            XCTAssertGreaterThan(
                chartRows.map { converged.lines[$0].filter { ("\u{2801}"..."\u{28FF}").contains($0) }.count }.reduce(0, +), 20,
                "the curve is drawn")
        }
    }

    /// At 80×24 train, test and the optimum do not all fit the legend row: whole entries go, never a digit.
    func testLossLegendDropsWholeEntriesRatherThanCuttingANumber() {
        var state = TrainerFixtures.state(width: 80, height: 24, comparing: true)
        state.snapshot.trainLoss = 2872.4
        state.snapshot.testLoss = 2879.1
        state.snapshot.closedForm?.trainLoss = 2871.9
        let row = { (state: TrainerState) -> String in
            let buffer = self.frame(state)
            let loss = state.layout.loss
            return String(buffer.lines[loss.y + 1].dropFirst(loss.x + 1).prefix(loss.width - 2))
        }
        XCTAssertEqual(row(state).trimmingCharacters(in: .whitespaces), "━ train 2872 ┅ test 2879 ╌ loss* 2872", "one-space gaps fit all three")
        state.snapshot.trainLoss = 0.000_123_4
        state.snapshot.testLoss = 0.000_234_5
        XCTAssertEqual(row(state).trimmingCharacters(in: .whitespaces), "━ train 1.23e-04  ┅ test 2.35e-04", "the optimum gives way whole")
        state.width = 120
        state.height = 40
        XCTAssertTrue(row(state).contains("━ train 1.23e-04  ┅ test 2.35e-04  ╌ loss* 2872"), "wider, all three")
    }

    func testReplayProgressInTheTitle() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.replayProgress = (2, 7)
        XCTAssertTrue(frame(state).lines[0].contains("REPLAY 2/7 ×1"))
    }

    func testReplaySpeedKeysHalveAndDoubleTheSpeedOnlyWhileReplaying() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        _ = state.perform(.replayFaster)
        XCTAssertEqual(state.replaySpeed, 1, "no replay: nothing changes")
        XCTAssertEqual(state.notice, "{ } change a replay's speed (descent --replay FILE)")
        XCTAssertTrue(state.requests.isEmpty)

        state.replayProgress = (2, 7)
        _ = state.perform(.replayFaster)
        _ = state.perform(.replayFaster)
        XCTAssertEqual(state.replaySpeed, 4)
        XCTAssertEqual(state.requests, [.replaySpeed(2), .replaySpeed(4)])
        XCTAssertTrue(frame(state).lines[0].contains("REPLAY 2/7 ×4"), frame(state).lines[0])
        for _ in 0..<5 { _ = state.perform(.replaySlower) }
        XCTAssertEqual(state.replaySpeed, 0.25, "down to a quarter, no lower")
        XCTAssertEqual(state.notice, "replay ×0.25")
    }

    func testHelpAt80x24ShowsEveryKeyInsideTheScreen() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.overlay = .help
        let buffer = frame(state)
        for binding in TrainerKeymap.keys.commands {
            XCTAssertTrue(buffer.text.contains(binding.help), binding.help)
            XCTAssertTrue(buffer.text.contains(binding.keys), binding.keys)
            XCTAssertLessThanOrEqual(binding.keys.count, 6)
            XCTAssertLessThanOrEqual(binding.help.count, 30, "actions fit two columns at 80: \(binding.help)")
        }
    }

    /// The diabetes landscape on bmi × s5 with the model at `weights`: the others held at those values.
    private func diabetesSlice(atOptimum: Bool) throws -> (frame: LandscapeFrame, axes: LandscapeAxes, weights: [Double], intercept: Double, train: Dataset) {
        let train = try DataSpecification(source: .builtin(.diabetes)).load().train
        let solved = try ClosedFormComparison.solve(train: train, test: nil, fitIntercept: true, l2: 0, standardized: true)
        var axes = LandscapeAxes(featureCount: train.featureCount, fitIntercept: true).nextX()
        while axes.y != 8 { axes = axes.nextY() }
        let weights = atOptimum ? solved.weights : [Double](repeating: 0, count: train.featureCount)
        let intercept = atOptimum ? solved.intercept! : train.y.reduce(0, +) / Double(train.rowCount)
        let landscape = try XCTUnwrap(LossLandscape(train: train, fitIntercept: true, standardized: true))
        let frame = try XCTUnwrap(LandscapeFrame.make(
            landscape: landscape, axes: axes, weights: weights, intercept: intercept, path: [], columns: 30, rows: 16))
        return (frame, axes, weights, intercept, train)
    }

    /// The grid's lowest cell, as its centre's coordinates, and one cell's size.
    private func lowestCell(_ grid: LossGrid) -> (x: Double, y: Double, width: Double, height: Double) {
        let index = grid.values.indices.min { grid.values[$0] < grid.values[$1] }!
        let width = (grid.xRange.upperBound - grid.xRange.lowerBound) / Double(grid.columns)
        let height = (grid.yRange.upperBound - grid.yRange.lowerBound) / Double(grid.rows)
        let column = index % grid.columns, row = index / grid.columns
        return (grid.xRange.lowerBound + (Double(column) + 0.5) * width, grid.yRange.lowerBound + (Double(row) + 0.5) * height, width, height)
    }

    func testDiabetesSliceHoldsTheOthersAtTheirCurrentValuesAndMarksWhereWStarProjects() throws {
        let atOptimum = try diabetesSlice(atOptimum: true)
        let optimum = try XCTUnwrap(atOptimum.frame.optimum)
        let low = lowestCell(atOptimum.frame.grid)
        XCTAssertLessThanOrEqual(abs(low.x - optimum.x), low.width, "at w* the slice is lowest where w* projects (x)")
        XCTAssertLessThanOrEqual(abs(low.y - optimum.y), low.height, "at w* the slice is lowest where w* projects (y)")
        // At the start (the other weights 0) the slice is another function: its lowest cell moves away from ◆.
        let atStart = try diabetesSlice(atOptimum: false)
        let start = lowestCell(atStart.frame.grid), projected = try XCTUnwrap(atStart.frame.optimum)
        XCTAssertTrue(abs(start.x - projected.x) > start.width || abs(start.y - projected.y) > start.height,
            "the slice follows the current weights, not w*: lowest at \(start), w* projects to \(projected)")

        var state = TrainerFixtures.state(width: 80, height: 24)
        state.featureNames = atOptimum.train.featureNames
        state.landscapeAxes = atOptimum.axes
        state.snapshot.weights = atOptimum.weights
        state.snapshot.intercept = atOptimum.intercept
        state.showsLandscape = true
        let buffer = frame(state, landscape: atOptimum.frame)
        golden.assertMatches(buffer, named: "landscape-diabetes-80x24")
        XCTAssertTrue(buffer.text.contains("others held at current values"), buffer.text)
        XCTAssertTrue(buffer.text.contains("◆ w* projected"), buffer.text)
        XCTAssertTrue(buffer.text.contains("Loss landscape · bmi →  s5 ↑"), buffer.text)
    }
}

