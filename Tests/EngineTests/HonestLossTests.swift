// The loss a run reports is honest: divergence is caught at the step on large data, stale losses say how old they are.
import TestSupport
import XCTest
@testable import Engine

final class HonestLossTests: XCTestCase {
    /// 10 000 × 32: n·d is past the cheap-evaluation limit, so the full loss is evaluated only every 10·n/batch steps.
    private func largeData() throws -> Dataset {
        try wellConditioned(rows: 10_000, features: 32, seed: 3)
    }

    private func largestWeight(_ run: TrainingRun) -> Double {
        run.model.weights.map(abs).max() ?? 0
    }

    /// SGD at lr 2 blows up within a few dozen steps: the run must stop there, not when the weights overflow.
    func testExplodingWeightsStopTheRunAtTheStepOnLargeData() throws {
        let data = try largeData()
        for (method, update) in [(TrainingMethod.sgd, UpdateRule.plain), (.sgd, .momentum), (.minibatch, .nesterov), (.minibatch, .plain), (.gd, .momentum)] {
            var run = TrainingRun(train: data, hyperparameters: .init(method: method, update: update, learningRate: 2, batchSize: 16))
            var steps = 0
            while run.takeStep(), steps < 20_000 {
                steps += 1
                if run.outcome == nil, largestWeight(run) > 1e12 {
                    XCTFail("\(method)+\(update): weights at \(largestWeight(run)) at step \(run.step) and the run goes on")
                    break
                }
            }
            XCTAssertEqual(run.outcome, .diverged, "\(method)+\(update)")
            XCTAssertTrue(run.message?.contains("largest stable") ?? false, run.message ?? "no message")
            XCTAssertLessThan(largestWeight(run), 1e12, "the kept weights are the last good ones")
        }
    }

    /// The running average of the mini-batch losses the steps computed, and the step of the last full loss.
    func testBatchLossAverageFollowsTheFullLoss() throws {
        let data = try largeData()
        var run = TrainingRun(train: data, hyperparameters: .init(method: .minibatch, learningRate: 0.002, batchSize: 32))
        XCTAssertNil(run.batchLossAverage, "no batch yet")
        for _ in 0..<3000 { run.takeStep() }
        let full = run.trainMetrics().meanSquaredError
        let average = try XCTUnwrap(run.batchLossAverage)
        XCTAssertEqual(average, full, accuracy: 0.25 * full, "the average of recent batch losses is near the full loss")
        XCTAssertEqual(run.latestTrainLossStep, 0, "on large data the full loss is not evaluated every step")
        run.reset()
        XCTAssertNil(run.batchLossAverage)
    }

    /// A running session refreshes the full loss on a time budget, so at 100 steps/s it is never thousands of steps old;
    /// a pause shows the loss of the paused weights.
    func testRunningSessionRefreshesTheFullLossAndPauseShowsThePausedWeightsLoss() throws {
        let data = try largeData()
        let session = TrainingSession(train: data, hyperparameters: .init(method: .sgd, learningRate: 0.001))
        defer { session.shutdown() }
        session.setSpeed(stepsPerSecond: 100)
        session.start()
        waitFor(session, "a loss evaluated past step 0") { $0.trainLossStep != 0 }
        let running = session.snapshot()
        XCTAssertGreaterThan(running.trainLossStep, 0, "the full loss was evaluated again while running")
        XCTAssertNotNil(running.batchLossAverage)
        session.pause()
        session.waitUntilIdle()
        let paused = session.snapshot()
        XCTAssertEqual(paused.trainLossStep, paused.step)
        let weights = paused.weights, b = paused.intercept ?? 0
        var sse = 0.0
        for i in 0..<data.rowCount {
            var prediction = b
            for j in 0..<data.featureCount { prediction += data.x[i * data.featureCount + j] * weights[j] }
            sse += (prediction - data.y[i]) * (prediction - data.y[i])
        }
        XCTAssertEqual(paused.trainLoss, sse / Double(data.rowCount), accuracy: 1e-9 * paused.trainLoss)
    }
}
