// The threaded session: commands, snapshots, determinism, divergence, closed form, and a hammering test for TSan.
import TestSupport
import XCTest
@testable import Engine

final class TrainingSessionTests: XCTestCase {
    /// Polls until `condition` holds for a snapshot (the session runs on its own thread); fails after 20 s.
    func testInitialSnapshotShowsTheStartingLoss() throws {
        let data = try wellConditioned(rows: 50, features: 2)
        let session = TrainingSession(train: data)
        defer { session.shutdown() }
        let snapshot = session.snapshot()
        XCTAssertEqual(snapshot.status, .ready)
        XCTAssertEqual(snapshot.step, 0)
        XCTAssertEqual(snapshot.weights, [0, 0])
        XCTAssertEqual(snapshot.trainLoss, referenceLoss(data, weights: [0, 0], intercept: 0), accuracy: 1e-9)
    }

    func testSingleStepsAndCommandsAreAppliedInOrder() throws {
        let data = try wellConditioned(rows: 50, features: 2)
        let session = TrainingSession(train: data, hyperparameters: .init(method: .gd, learningRate: 0.1), seed: 3)
        defer { session.shutdown() }
        session.step()
        session.step()
        session.setHyperparameters(.init(method: .gd, learningRate: 0.2))
        session.step()
        session.waitUntilIdle()
        let snapshot = session.snapshot()
        XCTAssertEqual(snapshot.step, 3)
        XCTAssertEqual(snapshot.status, .paused)
        XCTAssertEqual(snapshot.hyperparameters.learningRate, 0.2)

        var replay = TrainingRun(train: data, hyperparameters: .init(method: .gd, learningRate: 0.1), seed: 3)
        for applied in session.appliedCommands() {
            XCTAssertEqual(applied.step, replay.step)
            if applied.command == .step { replay.takeStep() } else { replay.apply(applied.command) }
        }
        XCTAssertEqual(replay.model.weights, snapshot.weights)
        XCTAssertEqual(replay.model.intercept, snapshot.intercept)
        XCTAssertEqual(replay.trainMetrics().meanSquaredError, snapshot.trainLoss, accuracy: 1e-12 * snapshot.trainLoss)
    }

    func testRunsToItsStepLimitIdenticallyTwice() throws {
        let data = try wellConditioned(rows: 200, features: 3)
        func finalWeights() -> [Double] {
            let session = TrainingSession(
                train: data, hyperparameters: .init(method: .minibatch, update: .nesterov, learningRate: 0.01, batchSize: 8),
                seed: 21, stop: .init(steps: 2000))
            defer { session.shutdown() }
            session.start()
            waitFor(session, "max-steps") { $0.status == .maxSteps }
            XCTAssertEqual(session.snapshot().step, 2000)
            return session.snapshot().weights
        }
        XCTAssertEqual(finalWeights().map(\.bitPattern), finalWeights().map(\.bitPattern))
    }

    func testDivergencePausesWithAMessageNamingTheStableRate() throws {
        let data = try wellConditioned(rows: 100, features: 2)
        var probe = TrainingRun(train: data)
        let stable = probe.largestStableLearningRate()
        let session = TrainingSession(train: data, hyperparameters: .init(method: .gd, learningRate: 3 * stable))
        defer { session.shutdown() }
        session.start()
        waitFor(session, "divergence") { $0.status == .diverged }
        let snapshot = session.snapshot()
        XCTAssertTrue(snapshot.message?.contains("largest stable") ?? false, snapshot.message ?? "")
        XCTAssertEqual(snapshot.largestStableLearningRate, stable, accuracy: 1e-9 * stable)
        XCTAssertTrue(snapshot.trainLoss.isFinite)
        XCTAssertTrue(snapshot.weights.allSatisfy(\.isFinite))
    }

    func testResetReturnsToStepZero() throws {
        let data = try wellConditioned(rows: 50, features: 2)
        let session = TrainingSession(train: data)
        defer { session.shutdown() }
        for _ in 0..<5 { session.step() }
        session.reset()
        session.waitUntilIdle()
        let snapshot = session.snapshot()
        XCTAssertEqual(snapshot.step, 0)
        XCTAssertEqual(snapshot.status, .ready)
        XCTAssertEqual(snapshot.weights, [0, 0])
        XCTAssertEqual(session.lossCurve(columns: 10).buckets.count, 1)
    }

    func testSpeedLimitPacesSteps() throws {
        let data = try wellConditioned(rows: 50, features: 2)
        let session = TrainingSession(train: data, hyperparameters: .init(method: .sgd, learningRate: 0.001))
        defer { session.shutdown() }
        session.setSpeed(stepsPerSecond: 50)
        let started = Date()
        session.start()
        Thread.sleep(forTimeInterval: 0.3)
        session.pause()
        session.waitUntilIdle()
        // The limit holds over however long the machine actually let the session run (an oversleep makes the
        // window longer, never the bound wrong): at most 50 a second, plus the first step at the start.
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertLessThanOrEqual(Double(session.snapshot().step), 50 * elapsed + 2)
        XCTAssertGreaterThanOrEqual(session.snapshot().step, 1)
    }

    func testClosedFormArrivesForAWellConditionedProblem() throws {
        let data = try wellConditioned(rows: 50, features: 2)
        let session = TrainingSession(train: data)
        defer { session.shutdown() }
        session.requestClosedForm()
        waitFor(session, "closed form") { $0.closedForm != nil || $0.closedFormFailure != nil }
        let snapshot = session.snapshot()
        // A well-conditioned problem has an answer: a failure here is a bug, not an allowed outcome.
        XCTAssertNil(snapshot.closedFormFailure)
        let closed = try XCTUnwrap(snapshot.closedForm)
        let optimum = referenceOptimum(data, fitIntercept: true)
        for j in 0..<2 { XCTAssertEqual(closed.weights[j], optimum.weights[j], accuracy: 1e-9) }
    }

    func testHammeringFromManyThreadsWhileRunning() throws {
        let data = try wellConditioned(rows: 2000, features: 4)
        let test = try wellConditioned(rows: 200, features: 4, seed: 8)
        let session = TrainingSession(train: data, test: test, hyperparameters: .init(method: .minibatch, learningRate: 0.01))
        defer { session.shutdown() }
        session.start()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for i in 0..<200 {
                let snapshot = session.snapshot()
                XCTAssertTrue(snapshot.trainLoss.isFinite)
                _ = session.lossCurve(.train, columns: 80)
                _ = session.lossCurve(.test, columns: 80)
                switch (worker + i) % 7 {
                case 0: session.setHyperparameters(.init(method: .minibatch, learningRate: 0.01, batchSize: 1 + i % 50))
                case 1: session.setStandardized(i % 2 == 0)
                case 2: session.pause()
                case 3: session.start()
                case 4: session.step()
                case 5: session.setSpeed(stepsPerSecond: i % 3 == 0 ? nil : 10_000)
                default: if i % 50 == 0 { session.requestClosedForm() }
                }
            }
        }
        session.waitUntilIdle()
        var sent = 1  // the start() above
        for worker in 0..<4 { for i in 0..<200 where (worker + i) % 7 != 6 || i % 50 == 0 { sent += 1 } }
        XCTAssertEqual(session.appliedCommands().count, sent, "every command is applied once")
        let snapshot = session.snapshot()
        XCTAssertTrue(snapshot.weights.allSatisfy(\.isFinite))
    }
}
