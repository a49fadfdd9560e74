// The race: contestants on the same data from the same start, driven together, each with its own state.
import TestSupport
import XCTest
import Engine

final class RaceSessionTests: XCTestCase {
    func testDefaultContestantsRunTogetherFromTheSameStart() throws {
        let data = try wellConditioned(rows: 200, features: 3)
        let race = RaceSession(train: data, seed: 4, randomInit: true, stop: .init(steps: 300), extras: [.momentum, .adam])
        defer { race.shutdown() }
        XCTAssertEqual(race.contestants.map(\.label), ["GD", "SGD", "mini-batch 32", "momentum", "Adam"])
        let starts = race.snapshots()
        XCTAssertEqual(Set(starts.map(\.weights)).count, 1, "every contestant starts from the same weights")
        XCTAssertNotEqual(starts[0].weights, [0, 0, 0])

        var probe = TrainingRun(train: data)
        let stable = probe.largestStableLearningRate()
        XCTAssertEqual(race.contestants[0].hyperparameters.learningRate, 0.5 * stable, accuracy: 1e-12)
        XCTAssertLessThan(race.contestants[1].hyperparameters.learningRate, race.contestants[2].hyperparameters.learningRate)

        for _ in 0..<5 { race.step() }
        race.waitUntilIdle()
        XCTAssertEqual(race.snapshots().map(\.step), [5, 5, 5, 5, 5])
        race.start()
        waitFor("every contestant at its step limit") { race.snapshots().allSatisfy { $0.status == .maxSteps } }
        let ends = race.snapshots()
        XCTAssertEqual(ends.map(\.step), [300, 300, 300, 300, 300])
        XCTAssertEqual(Set(ends.map(\.weights)).count, 5, "each method went its own way")
        for (end, start) in zip(ends, starts) { XCTAssertLessThan(end.trainLoss, start.trainLoss) }
        XCTAssertEqual(race.lossCurves(columns: 50).count, 5)
        XCTAssertTrue(race.lossCurves(columns: 50).allSatisfy { $0.totalSteps == 300 })
    }
}
