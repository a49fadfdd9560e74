// Ghost runs: pinned loss curves, at most five, labelled with what produced them (moved from EngineTests).
import Engine
import XCTest

@testable import Trainer

final class GhostRunsTests: XCTestCase {
    private func ghost(_ lr: Double) -> GhostRun {
        GhostRun(method: .minibatch, update: .plain, learningRate: lr, batchSize: 16, curve: LossCurve(buckets: [], totalSteps: 0))
    }

    func testGhostRunsKeepTheLatestFive() {
        var ghosts = GhostRuns()
        for k in 1...7 { ghosts.pin(ghost(Double(k))) }
        XCTAssertEqual(ghosts.count, 5)
        XCTAssertEqual(ghosts.runs.map(\.learningRate), [3, 4, 5, 6, 7])
        XCTAssertEqual(ghosts.runs[0].label, "ghost minibatch lr 3.0 batch 16")
        ghosts.clear()
        XCTAssertTrue(ghosts.isEmpty)
    }

    func testGhostPinsASessionCurveWithItsSettings() throws {
        let data = try DataSpecification(source: .builtin(.synthetic), synthetic: .init(rows: 30, features: 2), seed: 7).load().train
        let session = TrainingSession(train: data, hyperparameters: .init(method: .gd, update: .adam, learningRate: 0.05))
        defer { session.shutdown() }
        for _ in 0..<10 { session.step() }
        session.waitUntilIdle()
        let pinned = GhostRun(session: session, columns: 40)
        XCTAssertEqual(pinned.batchSize, 30, "GD uses every row")
        XCTAssertEqual(pinned.label, "ghost gd adam lr 0.05 batch 30")
        XCTAssertEqual(pinned.curve, session.lossCurve(.train, columns: 40))
        XCTAssertEqual(pinned.curve.totalSteps, 10)
    }
}
