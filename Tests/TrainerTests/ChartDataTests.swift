// ChartData: predictions are Xw + b for the snapshot's model, refreshed when the model changes; curves fit the width.
@testable import Engine
import XCTest

@testable import Trainer

final class ChartDataTests: XCTestCase {
    private let train = Dataset(name: "t", featureNames: ["a", "b"], targetName: "y", x: [1, 2, 3, 4, 5, 6], y: [1, 2, 3])
    private let test = Dataset(name: "t", featureNames: ["a", "b"], targetName: "y", x: [0, 1, -1, 2], y: [7, 8])

    func testPredictionsAreXTimesWeightsPlusIntercept() {
        XCTAssertEqual(ChartData.predictions(of: train, weights: [2, -1], intercept: 0.5), [0.5, 2.5, 4.5])
        XCTAssertEqual(ChartData.predictions(of: train, weights: [1, 1], intercept: nil), [3, 7, 11])
        XCTAssertEqual(ChartData.predictions(of: train, weights: [1], intercept: 0), [], "weights of the wrong length")
    }

    func testUpdateFollowsTheSnapshotModel() {
        let session = TrainingSession(train: train, test: test)
        defer { session.shutdown() }
        var charts = ChartData()
        var snapshot = session.snapshot()
        snapshot.weights = [1, 0]
        snapshot.intercept = 1
        charts.update(from: session, snapshot: snapshot, columns: 10)
        XCTAssertEqual(charts.trainActual, [1, 2, 3])
        XCTAssertEqual(charts.trainPredicted, [2, 4, 6])
        XCTAssertEqual(charts.testActual, [7, 8])
        XCTAssertEqual(charts.testPredicted, [1, 0])
        XCTAssertNotNil(charts.testLoss)

        // The same model again keeps the predictions; a new intercept or new weights recompute them.
        charts.update(from: session, snapshot: snapshot, columns: 10)
        XCTAssertEqual(charts.trainPredicted, [2, 4, 6])
        snapshot.intercept = 0
        charts.update(from: session, snapshot: snapshot, columns: 10)
        XCTAssertEqual(charts.trainPredicted, [1, 3, 5])
        snapshot.weights = [0, 1]
        charts.update(from: session, snapshot: snapshot, columns: 10)
        XCTAssertEqual(charts.trainPredicted, [2, 4, 6])
        XCTAssertEqual(charts.testPredicted, [1, 2])
    }

    func testLargeDataPacesPredictionsWhileRunningButNotWhenStopped() {
        let rows = ChartData.pacedValueCount / 2 + 1  // × 2 features: just over the paced size
        let big = Dataset(
            name: "big", featureNames: ["a", "b"], targetName: "y", x: [Double](repeating: 1, count: rows * 2),
            y: [Double](repeating: 0, count: rows))
        let session = TrainingSession(train: big)
        defer { session.shutdown() }
        var charts = ChartData()
        var snapshot = session.snapshot()
        snapshot.status = .running
        snapshot.weights = [1, 1]
        charts.update(from: session, snapshot: snapshot, columns: 10, now: 100)
        XCTAssertEqual(charts.trainPredicted.first, 2 + (snapshot.intercept ?? 0))

        snapshot.weights = [2, 2]
        charts.update(from: session, snapshot: snapshot, columns: 10, now: 100.05)
        XCTAssertEqual(charts.trainPredicted.first, 2 + (snapshot.intercept ?? 0), "within 0.1 s while running: kept")
        charts.update(from: session, snapshot: snapshot, columns: 10, now: 100.2)
        XCTAssertEqual(charts.trainPredicted.first, 4 + (snapshot.intercept ?? 0), "after 0.1 s: refreshed")

        snapshot.weights = [3, 3]
        snapshot.status = .paused
        charts.update(from: session, snapshot: snapshot, columns: 10, now: 100.21)
        XCTAssertEqual(charts.trainPredicted.first, 6 + (snapshot.intercept ?? 0), "paused: always the model shown")
    }

    func testSmallDataPacesTheScatterAtFiveAFrameSecondWhileRunning() {
        let session = TrainingSession(train: train)
        defer { session.shutdown() }
        var charts = ChartData()
        var snapshot = session.snapshot()
        snapshot.status = .running
        snapshot.weights = [1, 0]
        snapshot.intercept = 0
        charts.update(from: session, snapshot: snapshot, columns: 10, now: 50)
        XCTAssertEqual(charts.trainPredicted, [1, 3, 5])
        snapshot.weights = [0, 1]
        charts.update(from: session, snapshot: snapshot, columns: 10, now: 50.15)
        XCTAssertEqual(charts.trainPredicted, [1, 3, 5], "within 0.2 s while running: kept")
        charts.update(from: session, snapshot: snapshot, columns: 10, now: 50.25)
        XCTAssertEqual(charts.trainPredicted, [2, 4, 6], "after 0.2 s: refreshed")
        snapshot.weights = [1, 1]
        snapshot.status = .paused
        charts.update(from: session, snapshot: snapshot, columns: 10, now: 50.26)
        XCTAssertEqual(charts.trainPredicted, [3, 7, 11], "paused: always the model shown")
    }

    func testLossCurveFitsTheColumns() {
        let session = TrainingSession(train: train)
        defer { session.shutdown() }
        for _ in 0..<50 { session.step() }
        session.waitUntilIdle()
        var charts = ChartData()
        charts.update(from: session, snapshot: session.snapshot(), columns: 8)
        XCTAssertGreaterThan(charts.trainLoss.buckets.count, 0)
        XCTAssertLessThanOrEqual(charts.trainLoss.buckets.count, 8)
        XCTAssertEqual(charts.trainLoss.totalSteps, 50)
        XCTAssertNil(charts.testLoss, "no test set, no test curve")
        XCTAssertTrue(charts.testPredicted.isEmpty)
    }

    func testUIOverheadMeasuresBothWindows() {
        let overhead = FrameBenchmark.uiOverhead(rows: 2_000, features: 2, seconds: 0.1, rounds: 1, width: 80, height: 24)
        XCTAssertGreaterThan(overhead.headlessStepsPerSecond, 0)
        XCTAssertGreaterThan(overhead.withUIStepsPerSecond, 0)
        XCTAssertGreaterThan(overhead.frames, 0, "the reader drew frames")
    }
}
