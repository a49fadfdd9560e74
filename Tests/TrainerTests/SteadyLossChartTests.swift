// Two steps later the loss chart repaints only its curve's new end: steady axes, so a terminal is sent what moved.
@testable import Engine
import Foundation
import Plot
import XCTest
@testable import Trainer

final class SteadyLossChartTests: XCTestCase {
    private func lossPanel(_ session: TrainingSession) -> (Buffer, Rect) {
        var state = TrainerState(
            width: 120, height: 40, hyperparameters: session.snapshot().hyperparameters, rowCount: session.train.rowCount,
            dataName: "line", featureNames: session.train.featureNames)
        state.snapshot = session.snapshot()
        var charts = ChartData()
        charts.update(from: session, state: state)
        var buffer = Buffer(width: 120, height: 40)
        LossPanel(state: state, charts: charts).render(into: &buffer, area: state.layout.loss)
        return (buffer, state.layout.loss)
    }

    func testTwoMoreStepsChangeOnlyAFewCellsOfTheChart() {
        let session = TrainingSession(train: TrainerFixtures.lineData, hyperparameters: Hyperparameters(method: .gd, learningRate: 0.01))
        defer { session.shutdown() }
        for _ in 0..<310 { session.step() }  // 310 and 312 both on the 0…400 span
        session.waitUntilIdle()
        let (before, area) = lossPanel(session)
        for _ in 0..<2 { session.step() }
        session.waitUntilIdle()
        let (after, _) = lossPanel(session)
        // Below the legend row (its number changes, as it should): the chart, its axes and its labels.
        var changed = 0
        for y in (area.y + 2)..<area.bottom {
            for x in area.x..<area.right where before[x, y] != after[x, y] { changed += 1 }
        }
        XCTAssertLessThanOrEqual(changed, 6, "only the curve's end moves\n" + before.text + "\n" + after.text)
    }
}
