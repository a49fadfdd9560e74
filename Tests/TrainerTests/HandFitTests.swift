// Fitting by hand and starting anywhere: keys and the mouse become starts the engine evaluates, on a real session.
import TestSupport
import MessageText
@testable import Engine
import Foundation
import Plot
import Terminal
import XCTest

@testable import Trainer

final class HandFitTests: XCTestCase {
    /// The UI's state over a real session on the line data after `steps` steps, placed as the frame loop places
    /// the Fit view (or the landscape), with the session to send its commands to (`apply`).
    private final class Rig {
        let session: TrainingSession
        let loaded: LoadedData
        var state: TrainerState
        var charts = ChartData()

        init(steps: Int = 10, landscape: Bool = false, width: Int = 80, height: Int = 24) throws {
            let setup = FitViewFixtures.line()
            loaded = try setup.data.load()
            session = setup.makeSession(loaded)
            for _ in 0..<steps { session.step() }
            session.waitUntilIdle()
            state = TrainerState(
                width: width, height: height, hyperparameters: setup.hyperparameters, rowCount: loaded.train.rowCount,
                dataName: loaded.train.name, featureNames: loaded.train.featureNames, fitInputName: loaded.train.fitInputName)
            state.takeRows(loaded.train)
            state.showsLandscape = landscape
            refresh()
        }

        deinit { session.shutdown() }

        /// Sends `commands` as the frame loop does, waits for the engine, and takes its snapshot and placements.
        func apply(_ commands: [SessionCommand]) {
            for command in commands { session.send(command) }
            session.waitUntilIdle()
            // The closed form is solved off the training thread: wait for it (no timing is asserted).
            if commands.contains(.requestClosedForm) { waitFor(session, "the closed form") { $0.closedForm != nil || $0.closedFormFailure != nil } }
            refresh()
        }

        func press(_ key: Key) { apply(state.handle(.key(key))) }

        func refresh() {
            state.receive(session.snapshot())
            state.snapshot.stepsPerSecond = 0
            charts.update(from: session, state: state)
            if state.showsFitView, let mapping = DataPanel(state: state, charts: charts).mapping(area: state.layout.prediction) {
                state.showFitChart(FitChartPlacement(mapping: mapping, xs: charts.trainInput, ys: charts.trainActual))
            }
            if state.showsLandscape, let frame = landscapeFrame(),
                let mapping = LandscapePanel(state: state, frame: frame).mapping(area: state.layout.landscape) {
                state.showLandscapeChart(LandscapePlacement(mapping: mapping, frame: frame))
            }
        }

        func landscapeFrame() -> LandscapeFrame? {
            guard let landscape = LossLandscape(session: session) else { return nil }
            let area = PanelFrame.inner(of: state.layout.landscape)
            let snapshot = session.snapshot()
            return LandscapeFrame.make(
                landscape: landscape, axes: state.landscapeAxes, weights: snapshot.weights, intercept: snapshot.intercept,
                path: session.trajectory(parameters: (0, 1), maxPoints: 400, landscape: landscape),
                columns: max(1, area.width - 8), rows: max(1, area.height - 3))
        }

        var line: (slope: Double, intercept: Double) { (state.snapshot.weights[0], state.snapshot.intercept ?? 0) }
    }

    func testHTakesTheLineShownPausesARunAndAsksForTheClosedForm() throws {
        let rig = try Rig()
        rig.apply([.start])
        rig.state.expected.expect(running: true, at: rig.state.snapshot.step)
        let commands = rig.state.handle(.key(.character("h")))
        XCTAssertEqual(commands, [.pause, .requestClosedForm])
        rig.apply(commands)
        XCTAssertEqual(rig.state.keyContext, .handFit)
        let fit = try XCTUnwrap(rig.state.handFit)
        XCTAssertTrue(fit.slope.isFinite && fit.intercept.isFinite)
        // Esc leaves the mode; the line stays where it was.
        XCTAssertEqual(rig.state.handle(.key(.escape)), [])
        XCTAssertNil(rig.state.handFit)
        XCTAssertEqual(rig.state.keyContext, .main)
    }

    func testArrowsTiltAboutTheMeanOfXAndShiftAndTheEngineShowsThatLinesLoss() throws {
        let rig = try Rig()
        rig.press(.character("h"))
        let start = try XCTUnwrap(rig.state.handFit)
        let nudge = try XCTUnwrap(rig.state.lineNudge)
        let heightAtPivot = start.value(at: nudge.pivotX)
        for _ in 0..<3 { rig.press(.right) }
        let tilted = rig.line
        XCTAssertEqual(tilted.slope, start.slope + 3 * nudge.tilt, accuracy: 1e-9)
        XCTAssertEqual(tilted.intercept + tilted.slope * nudge.pivotX, heightAtPivot, accuracy: 1e-9, "a tilt keeps the height at x̄")
        XCTAssertEqual(rig.state.snapshot.step, 0, "a hand-set line is the run's step 0")
        for _ in 0..<2 { rig.press(.up) }
        rig.press(.down)
        let shifted = rig.line
        XCTAssertEqual(shifted.slope, tilted.slope, accuracy: 1e-12)
        XCTAssertEqual(shifted.intercept, tilted.intercept + nudge.shift, accuracy: 1e-9)
        let want = meanSquaredError(of: rig.loaded.train, slope: shifted.slope, intercept: shifted.intercept)
        XCTAssertEqual(rig.state.snapshot.trainLoss, want, accuracy: 1e-9 * want, "the loss shown is that line's")
        // The status bar reads the line, its loss and, with the closed form known, how far from the best line it is.
        XCTAssertNotNil(rig.state.snapshot.closedForm)
        let bar = TrainerScreen(state: rig.state, charts: rig.charts).render().text.split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(bar.contains("slope " + NumberText.figure(shifted.slope)), bar)
        XCTAssertTrue(bar.contains("MSE " + NumberText.figure(want)), bar)
        XCTAssertTrue(bar.contains("|w − w*|"), bar)
    }

    func testSpaceHandsOverAndGradientDescentGoesOnFromTheHandSetLine() throws {
        let rig = try Rig()
        rig.press(.character("h"))
        for _ in 0..<4 { rig.press(.left) }
        let hand = rig.line
        let commands = rig.state.handle(.key(.character(" ")))
        XCTAssertEqual(commands, [.start])
        XCTAssertNil(rig.state.handFit, "Space leaves hand fitting")
        // What runs on is a run started from the hand-set line (the same bits as one made to start there).
        rig.apply([.step, .step, .step])
        var run = TrainingRun(train: rig.loaded.train, hyperparameters: FitViewFixtures.line().hyperparameters)
        XCTAssertTrue(run.start(from: [hand.slope, hand.intercept]))
        for _ in 0..<3 { _ = run.takeStep() }
        XCTAssertEqual(rig.state.snapshot.step, 3)
        XCTAssertEqual(rig.state.snapshot.weights.map(\.bitPattern), run.model.weights.map(\.bitPattern))
        // r goes back to the configured start (zero), not to the hand-set line.
        rig.press(.character("r"))
        XCTAssertEqual(rig.line.slope, 0)
        XCTAssertEqual(rig.line.intercept, 0)
    }

    func testDraggingAHandleTurnsTheLineAboutTheOtherAndDraggingTheLineMovesItUp() throws {
        let rig = try Rig()
        rig.press(.character("h"))
        let mapping = try XCTUnwrap(rig.state.fitChart?.mapping)
        let before = try XCTUnwrap(rig.state.handFit)
        let xs = HandFit.handleXs(mapping, slope: before.slope, intercept: before.intercept)
        XCTAssertEqual(xs.count, 2)
        let right = try XCTUnwrap(mapping.cell(x: xs[1], y: before.value(at: xs[1])))
        XCTAssertEqual(rig.state.handle(.mouse(button: .left, action: .press, x: right.x, y: right.y)), [])
        XCTAssertEqual(rig.state.handFit?.grip, .handle(x: xs[1], pivot: xs[0]))
        let target = CellPosition(x: right.x - 7, y: mapping.plot.y + 1)
        rig.apply(rig.state.handle(.mouse(button: .left, action: .drag, x: target.x, y: target.y)))
        rig.apply(rig.state.handle(.mouse(button: .left, action: .release, x: target.x, y: target.y)))
        XCTAssertNil(rig.state.handFit?.grip)
        let pointer = try XCTUnwrap(mapping.value(atCellX: target.x, y: target.y))
        let turned = rig.line
        XCTAssertEqual(turned.intercept + turned.slope * xs[0], before.value(at: xs[0]), accuracy: 1e-9, "the left handle stays")
        XCTAssertEqual(turned.intercept + turned.slope * xs[1], pointer.y, accuracy: 1e-9, "the right handle follows the pointer's height")

        // Taken off the handles, the whole line moves with the pointer, keeping its slope.
        let grab = CellPosition(x: mapping.plot.x + mapping.plot.width / 2, y: mapping.plot.y + mapping.plot.height - 2)
        XCTAssertEqual(rig.state.handle(.mouse(button: .left, action: .press, x: grab.x, y: grab.y)), [])
        guard case .line = rig.state.handFit?.grip else { return XCTFail("the line is taken: \(String(describing: rig.state.handFit?.grip))") }
        rig.apply(rig.state.handle(.mouse(button: .left, action: .drag, x: grab.x, y: grab.y - 4)))
        let moved = rig.line
        let from = try XCTUnwrap(mapping.value(atCellX: grab.x, y: grab.y)), to = try XCTUnwrap(mapping.value(atCellX: grab.x, y: grab.y - 4))
        XCTAssertEqual(moved.slope, turned.slope, accuracy: 1e-12)
        XCTAssertEqual(moved.intercept - turned.intercept, to.y - from.y, accuracy: 1e-9)
        // Dragged off the screen: held at the plot's edge, never a non-finite line.
        rig.apply(rig.state.handle(.mouse(button: .left, action: .drag, x: 5000, y: -300)))
        XCTAssertTrue(rig.line.slope.isFinite && rig.line.intercept.isFinite)
        XCTAssertEqual(rig.line.slope, turned.slope, accuracy: 1e-12)
    }

    func testTheHandlesSitOnThePartOfTheLineThePlotShows() throws {
        let rig = try Rig()
        let mapping = try XCTUnwrap(rig.state.fitChart?.mapping)
        let span = mapping.yAxis.upper - mapping.yAxis.lower
        // Flat, steep either way, and a line that leaves through the top and the bottom: both handles on the plot.
        for (slope, intercept) in [(0.0, mapping.yAxis.lower + 0.01 * span), (40, -100), (-40, 300), (2, 1)] {
            let xs = HandFit.handleXs(mapping, slope: slope, intercept: intercept)
            XCTAssertEqual(xs.count, 2, "slope \(slope)")
            for x in xs { XCTAssertNotNil(mapping.cell(x: x, y: intercept + slope * x), "slope \(slope), x \(x)") }
        }
        // A line that misses the plot has none (the arrows bring it back).
        XCTAssertEqual(HandFit.handleXs(mapping, slope: 0, intercept: mapping.yAxis.upper + span), [])
    }

    func testHandFittingIsRefusedWhereThereIsNoLineToSetAndDuringAReplay() throws {
        var several = TrainerState(
            width: 80, height: 24, hyperparameters: .init(), rowCount: 100, dataName: "d", featureNames: ["a", "b"])
        XCTAssertEqual(several.handle(.key(.character("h"))), [])
        XCTAssertNil(several.handFit)
        XCTAssertEqual(several.notice, "fitting by hand sets a line: it needs one input feature (no --poly)")
        let rig = try Rig()
        rig.state.replayProgress = (1, 5)
        XCTAssertEqual(rig.state.handle(.key(.character("h"))), [])
        XCTAssertNil(rig.state.handFit)
        XCTAssertEqual(rig.state.notice, "replaying a recording: training keys are off (q quits)")
    }

    func testAClickOnTheLandscapeStartsANewPathThereAndTheCursorDoesTheSameFromTheKeyboard() throws {
        let rig = try Rig(steps: 30, landscape: true)
        let placement = try XCTUnwrap(rig.state.landscapeChart)
        let plot = placement.mapping.plot
        let cell = CellPosition(x: plot.x + plot.width / 4, y: plot.y + plot.height / 4)
        let commands = rig.state.handle(.mouse(button: .left, action: .press, x: cell.x, y: cell.y))
        guard case .startFrom(let start)? = commands.first, commands.count == 1 else { return XCTFail("\(commands)") }
        rig.apply(commands)
        XCTAssertEqual(rig.state.snapshot.step, 0)
        // The session now stands where the click was, in the landscape's own coordinates.
        let clicked = try XCTUnwrap(placement.mapping.value(atCellX: cell.x, y: cell.y))
        let landscape = try XCTUnwrap(LossLandscape(session: rig.session))
        let here = landscape.parameters(weights: rig.state.snapshot.weights, intercept: rig.state.snapshot.intercept)
        XCTAssertEqual(here[0], clicked.x, accuracy: 1e-9 * max(1, abs(clicked.x)))
        XCTAssertEqual(here[1], clicked.y, accuracy: 1e-9 * max(1, abs(clicked.y)))
        XCTAssertEqual(start.count, 2)
        XCTAssertEqual(rig.session.parameterTrajectory().decimated(maxPoints: 10).count, 1, "the path starts over at the click")

        // The keyboard: p opens the cursor on the map, arrows move it, a (or Enter) starts there.
        rig.press(.character("p"))
        let opened = try XCTUnwrap(rig.state.pointCursor)
        XCTAssertEqual(rig.state.keyContext, .pointCursor)
        rig.press(.left)
        rig.press(.up)
        let cursor = try XCTUnwrap(rig.state.pointCursor)
        XCTAssertEqual(cursor, CellPosition(x: opened.x - 1, y: opened.y - 1))
        let expected = try XCTUnwrap(rig.state.landscapeChart?.start(at: cursor))
        let picked = try XCTUnwrap(rig.state.landscapeChart?.mapping.value(atCellX: cursor.x, y: cursor.y))
        XCTAssertEqual(rig.state.handle(.key(.enter)), [.startFrom(expected)])
        // The map re-centres on the new path; the cursor goes with the start, onto the new ●.
        rig.apply([.startFrom(expected)])
        let recentred = try XCTUnwrap(rig.state.landscapeChart)
        let dot = try XCTUnwrap(recentred.frame.path.last)
        XCTAssertEqual(dot.x, picked.x, accuracy: 1e-9 * max(1, abs(picked.x)))
        let dotCell = try XCTUnwrap(recentred.mapping.cell(x: dot.x, y: dot.y))
        XCTAssertEqual(rig.state.pointCursor, CellPosition(x: dotCell.x, y: dotCell.y))
        XCTAssertNil(rig.state.pickedStart, "the new map is in: the cursor moves freely again")
        // a does what Enter does, at the cursor on the map now shown.
        let now = try XCTUnwrap(rig.state.pointCursor)
        XCTAssertEqual(rig.state.handle(.key(.character("a"))), [.startFrom(try XCTUnwrap(recentred.start(at: now)))])
        XCTAssertEqual(rig.state.handle(.key(.character("d"))), [])
        XCTAssertEqual(rig.state.notice, "on the landscape the cursor picks a start (a or Enter); points are removed in the Fit view")
        // r: back to the configured start.
        XCTAssertEqual(rig.state.handle(.key(.character("r"))), [.reset])
        rig.press(.escape)
        XCTAssertNil(rig.state.pointCursor)
    }

    func testGoldenHandFitAndLandscapeCursorFrames() throws {
        let rig = try Rig(steps: 15)
        rig.press(.character("h"))
        for _ in 0..<5 { rig.press(.right) }
        rig.press(.up)
        golden.assertMatches(TrainerScreen(state: rig.state, charts: rig.charts).render(), named: "hand-fit-80x24")
        let wide = try Rig(steps: 15, width: 120, height: 40)
        wide.press(.character("h"))
        for _ in 0..<5 { wide.press(.right) }
        golden.assertMatches(TrainerScreen(state: wide.state, charts: wide.charts).render(), named: "hand-fit-120x40")

        let map = try Rig(steps: 15, landscape: true)
        map.press(.character("p"))
        for _ in 0..<3 { map.press(.left) }
        golden.assertMatches(
            TrainerScreen(state: map.state, charts: map.charts, landscape: map.landscapeFrame()).render(), named: "landscape-cursor-80x24")
    }
}
