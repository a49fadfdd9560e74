// Editing the Fit view's points: the mouse and the cursor keys turn into data edits, refused where they must be.
import TestSupport
@testable import Engine
import Foundation
import Plot
import Terminal
import XCTest

@testable import Trainer

final class PointEditingTests: XCTestCase {
    /// The line data after `steps` steps at 80×24, with the Fit view's placement taken as the frame loop takes it.
    private func fitState(steps: Int = 15, edits: [DataEdit] = [], comparing: Bool = false,
        configure: (inout TrainerState) -> Void = { _ in }
    ) throws -> (state: TrainerState, charts: ChartData, buffer: Buffer) {
        let setup = FitViewFixtures.line()
        let loaded = try setup.data.load()
        let session = setup.makeSession(loaded)
        defer { session.shutdown() }
        for _ in 0..<steps { session.step() }
        for edit in edits { session.send(.editData(edit)) }
        for _ in 0..<steps { session.step() }
        if comparing { session.requestClosedForm() }
        session.waitUntilIdle()
        if comparing { waitFor(session, "the closed form") { $0.closedForm != nil || $0.closedFormFailure != nil } }
        var state = TrainerState(
            width: 80, height: 24, hyperparameters: setup.hyperparameters, rowCount: session.train.rowCount,
            dataName: loaded.train.name, featureNames: loaded.train.featureNames, fitInputName: loaded.train.fitInputName)
        state.snapshot = session.snapshot()
        state.snapshot.stepsPerSecond = 0
        state.isComparing = comparing
        var charts = ChartData()
        charts.update(from: session, state: state)
        let mapping = try XCTUnwrap(DataPanel(state: state, charts: charts).mapping(area: state.layout.prediction))
        state.showFitChart(FitChartPlacement(mapping: mapping, xs: charts.trainInput, ys: charts.trainActual))
        configure(&state)
        return (state, charts, TrainerScreen(state: state, charts: charts).render())
    }

    /// A cell of the plot no training point is drawn in or next to.
    private func emptyCell(_ state: TrainerState) throws -> CellPosition {
        let chart = try XCTUnwrap(state.fitChart)
        let plot = chart.mapping.plot
        for y in plot.y..<plot.bottom {
            for x in plot.x..<plot.right where chart.point(near: CellPosition(x: x, y: y)) == nil {
                return CellPosition(x: x, y: y)
            }
        }
        throw XCTSkip("no empty cell")
    }

    func testALeftClickOnEmptySpaceAddsAPointThere() throws {
        var state = try fitState().state
        let cell = try emptyCell(state)
        let commands = state.handle(.mouse(button: .left, action: .press, x: cell.x, y: cell.y))
        let value = try XCTUnwrap(state.fitChart?.mapping.value(atCellX: cell.x, y: cell.y))
        XCTAssertEqual(commands, [.editData(.add(x: value.x, y: value.y))])
        XCTAssertNil(state.draggedPoint)
        // A click outside the plot edits nothing.
        XCTAssertEqual(state.handle(.mouse(button: .left, action: .press, x: 0, y: 0)), [])
    }

    func testDraggingAPointMovesItAndHoldsItOnThePlot() throws {
        var state = try fitState().state
        let chart = try XCTUnwrap(state.fitChart)
        let row = 7
        let cell = try XCTUnwrap(chart.mapping.cell(x: chart.xs[row], y: chart.ys[row]))
        XCTAssertEqual(state.handle(.mouse(button: .left, action: .press, x: cell.x, y: cell.y)), [])
        let grabbed = try XCTUnwrap(state.draggedPoint)
        XCTAssertEqual(chart.mapping.cell(x: chart.xs[grabbed], y: chart.ys[grabbed])?.x, cell.x)
        // Dragged far off the panel (below and left of the screen): held at the plot's corner.
        let moved = state.handle(.mouse(button: .left, action: .drag, x: -50, y: 500))
        let plot = chart.mapping.plot
        let corner = try XCTUnwrap(chart.mapping.value(atCellX: plot.x, y: plot.bottom - 1))
        XCTAssertEqual(moved, [.editData(.move(row: grabbed, x: corner.x, y: corner.y))])
        XCTAssertTrue(corner.x.isFinite && corner.y.isFinite)
        let released = state.handle(.mouse(button: .left, action: .release, x: plot.x + 3, y: plot.y))
        let end = try XCTUnwrap(chart.mapping.value(atCellX: plot.x + 3, y: plot.y))
        XCTAssertEqual(released, [.editData(.move(row: grabbed, x: end.x, y: end.y))])
        XCTAssertNil(state.draggedPoint)
    }

    func testARightClickRemovesTheNearestPoint() throws {
        var state = try fitState().state
        let chart = try XCTUnwrap(state.fitChart)
        let cell = try XCTUnwrap(chart.mapping.cell(x: chart.xs[3], y: chart.ys[3]))
        let commands = state.handle(.mouse(button: .right, action: .press, x: cell.x, y: cell.y))
        let value = try XCTUnwrap(chart.mapping.value(atCellX: cell.x, y: cell.y))
        let size = chart.cellSize
        XCTAssertEqual(commands, [.editData(.removeNearest(x: value.x, y: value.y, xUnit: size.x, yUnit: size.y))])
        XCTAssertEqual(state.handle(.mouse(button: .right, action: .release, x: cell.x, y: cell.y)), [])
    }

    func testTheCursorModeMovesAddsRemovesAndLeaves() throws {
        var state = try fitState().state
        XCTAssertEqual(state.handle(.key(.character("p"))), [])
        let start = try XCTUnwrap(state.pointCursor)
        XCTAssertEqual(state.keyContext, .pointCursor)
        XCTAssertEqual(state.handle(.key(.up)), [])
        XCTAssertEqual(state.handle(.key(.right)), [])
        XCTAssertEqual(state.pointCursor, CellPosition(x: start.x + 1, y: start.y - 1))
        XCTAssertEqual(state.focus, .run, "the arrows move the cursor, not the focused control")
        let value = try XCTUnwrap(state.fitChart?.mapping.value(atCellX: start.x + 1, y: start.y - 1))
        XCTAssertEqual(state.handle(.key(.character("a"))), [.editData(.add(x: value.x, y: value.y))])
        let size = try XCTUnwrap(state.fitChart?.cellSize)
        XCTAssertEqual(
            state.handle(.key(.character("d"))),
            [.editData(.removeNearest(x: value.x, y: value.y, xUnit: size.x, yUnit: size.y))])
        // Other keys keep their meaning in cursor mode.
        XCTAssertEqual(state.handle(.key(.character("s"))), [.step])
        for _ in 0..<200 { _ = state.handle(.key(.left)) }
        XCTAssertEqual(state.pointCursor?.x, state.fitChart?.mapping.plot.x, "held on the plot")
        XCTAssertEqual(state.handle(.key(.escape)), [])
        XCTAssertNil(state.pointCursor)
        XCTAssertEqual(state.keyContext, .main)
        XCTAssertEqual(state.handle(.key(.character("a"))), [], "a adds only in cursor mode")
    }

    func testOAddsAnOutlierAndUUndoesAndAfterConvergenceTheRunGoesOn() throws {
        var state = try fitState().state
        XCTAssertEqual(state.handle(.key(.character("O"))), [.editData(.addOutlier)])
        XCTAssertEqual(state.handle(.key(.character("U"))), [.editData(.undoAll)])
        state.snapshot.status = .converged
        XCTAssertEqual(state.handle(.key(.character("O"))), [.editData(.addOutlier), .start])
    }

    func testEditsAreRefusedDuringReplayOnManyFeaturesAndOutsideTheFitView() throws {
        var state = try fitState().state
        state.replayProgress = (1, 5)
        XCTAssertEqual(state.handle(.key(.character("O"))), [])
        XCTAssertEqual(state.notice, "replaying a recording: training keys are off (q quits)")
        let cell = try emptyCell(state)
        XCTAssertEqual(state.handle(.mouse(button: .left, action: .press, x: cell.x, y: cell.y)), [])
        state.replayProgress = nil
        state.dataEditingRefusal = "point editing needs one input feature (diabetes has 10)"
        XCTAssertEqual(state.handle(.key(.character("U"))), [])
        XCTAssertEqual(state.notice, state.dataEditingRefusal)
        XCTAssertEqual(state.handle(.key(.character("p"))), [])
        XCTAssertNil(state.pointCursor)
        state.dataEditingRefusal = nil
        state.dataView = .residuals
        state.showFitChart(nil)
        XCTAssertEqual(state.handle(.key(.character("p"))), [])
        XCTAssertEqual(state.notice, "the point cursor works in the Fit view (f)")
    }

    func testTheEngineRefusesWhatTheScreenCannotKnowAndSaysSo() throws {
        let loaded = try DataSpecification(source: .builtin(.line), synthetic: .init(rows: 3)).load()
        let session = TrainingSession(train: loaded.train)
        defer { session.shutdown() }
        session.send(.editData(.remove(row: 0)))
        session.send(.editData(.remove(row: 0)))
        session.waitUntilIdle()
        XCTAssertEqual(session.train.rowCount, 2)
        XCTAssertEqual(
            session.snapshot().dataEditRefusal, "a fit needs at least 2 points: not removing one of 2")
    }

    func testChartsFollowTheEditedRows() throws {
        let frame = try fitState(edits: [.addOutlier, .add(x: 1, y: 30)])
        XCTAssertEqual(frame.charts.trainInput.count, 102)
        XCTAssertEqual(frame.charts.trainActual.count, 102)
        XCTAssertEqual(frame.state.fitChart?.xs.count, 102)
        XCTAssertTrue(frame.buffer.text.contains("data edited"), frame.buffer.text)
    }

    func testGoldenPointCursor80x24() throws {
        let frame = try fitState { state in
            _ = state.handle(.key(.character("p")))
            for _ in 0..<3 { _ = state.handle(.key(.up)) }
        }
        XCTAssertTrue(frame.buffer.text.contains("a add"), frame.buffer.text)
        XCTAssertTrue(frame.buffer.text.contains("┼"), frame.buffer.text)
        golden.assertMatches(frame.buffer, named: "point-cursor-80x24")
    }

    func testGoldenEditedFit80x24() throws {
        let frame = try fitState(edits: [.addOutlier, .move(row: 0, x: 0, y: 25)], comparing: true)
        golden.assertMatches(frame.buffer, named: "fit-edited-80x24")
    }
}
