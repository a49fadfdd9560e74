// Running on past convergence: resume waives the tolerance; reset and a new setting re-arm it.
import TestSupport
import XCTest
@testable import Engine

final class ConvergenceResumeTests: XCTestCase {
    private let tolerance = 1e-9

    /// Full-batch GD on well-conditioned data with a tolerance, stepped until it stops itself.
    private func convergedRun() throws -> TrainingRun {
        let data = try wellConditioned(rows: 100, features: 2)
        var run = TrainingRun(
            train: data, hyperparameters: .init(method: .gd, learningRate: 0.3), stop: .init(tolerance: tolerance))
        for _ in 0..<10_000 where run.takeStep() {}
        XCTAssertEqual(run.outcome, .converged)
        XCTAssertEqual(run.message, "the relative change of the loss fell below \(tolerance) at step \(run.step)")
        return run
    }

    func testResumeAfterConvergenceRunsOn() throws {
        var run = try convergedRun()
        let converged = run.step
        XCTAssertFalse(run.takeStep(), "a converged run does not step until resumed")
        run.resume()
        for extra in 1...200 {
            XCTAssertTrue(run.takeStep(), "step \(converged + extra)")
        }
        XCTAssertNil(run.outcome)
        XCTAssertEqual(run.step, converged + 200)
        XCTAssertEqual(run.trainHistory.count, converged + 200, "the run kept recording its loss")
    }

    func testResetConvergesAgainAtTheSameStepBitForBit() throws {
        var run = try convergedRun()
        let first = (step: run.step, model: run.model)
        run.resume()
        for _ in 0..<50 { run.takeStep() }
        run.reset()
        for _ in 0..<10_000 where run.takeStep() {}
        XCTAssertEqual(run.outcome, .converged, "the reset re-armed the tolerance")
        XCTAssertEqual(run.step, first.step)
        XCTAssertEqual(run.model.weights.map(\.bitPattern), first.model.weights.map(\.bitPattern))
        XCTAssertEqual(run.model.intercept?.bitPattern, first.model.intercept?.bitPattern)
    }

    func testNewHyperparametersRearmTheTolerance() throws {
        var run = try convergedRun()
        run.resume()
        for _ in 0..<10 { XCTAssertTrue(run.takeStep()) }
        run.setHyperparameters(run.hyperparameters)
        for _ in 0..<10 { XCTAssertTrue(run.takeStep(), "the same settings are no new experiment: still waived") }
        var changed = run.hyperparameters
        changed.learningRate = 0.31
        run.setHyperparameters(changed)
        let changedAt = run.step
        XCTAssertTrue(run.takeStep(), "the loss before the change was reached with the old rate")
        XCTAssertFalse(run.takeStep(), "the first loss after a step at the new rate is tested again")
        XCTAssertEqual(run.outcome, .converged)
        XCTAssertEqual(run.step, changedAt + 1)
    }

    func testNewSettingOnAConvergedRunStepsBeforeTestingAgain() throws {
        var run = try convergedRun()
        let converged = run.step
        var changed = run.hyperparameters
        changed.learningRate = 0.2
        run.setHyperparameters(changed)
        run.resume()
        XCTAssertTrue(run.takeStep(), "a new setting runs on from the converged step")
        XCTAssertFalse(run.takeStep(), "at the optimum, the new experiment converges too")
        XCTAssertEqual(run.step, converged + 1)
        run.resume()
        for _ in 0..<20 { XCTAssertTrue(run.takeStep(), "resumed after this convergence: waived again") }
    }

    func testStandardizationToggleRearmsTheTolerance() throws {
        var run = try convergedRun()
        run.resume()
        for _ in 0..<5 { XCTAssertTrue(run.takeStep()) }
        run.setStandardized(false)
        let toggledAt = run.step
        for _ in 0..<10_000 where run.takeStep() {}
        XCTAssertEqual(run.outcome, .converged)
        XCTAssertGreaterThan(run.step, toggledAt)
    }

    func testALossEvaluatedOnPauseStopsTheRunThatStepAsTheStepWouldHave() throws {
        let reference = try convergedRun()
        let data = try wellConditioned(rows: 100, features: 2)
        var run = TrainingRun(
            train: data, hyperparameters: .init(method: .gd, learningRate: 0.3), stop: .init(tolerance: tolerance))
        for _ in 0..<reference.step { XCTAssertTrue(run.takeStep()) }
        run.refreshLosses()
        XCTAssertEqual(run.outcome, .converged, "the pause evaluated the loss that settles")
        XCTAssertEqual(run.message, reference.message)
        run.resume()
        XCTAssertTrue(run.takeStep(), "resumed: waived")
    }

    func testSessionRunsOnPastConvergenceAndReplaysBitForBit() throws {
        let setup = SessionSetup(
            data: DataSpecification(source: .builtin(.synthetic), synthetic: .init(rows: 100, features: 2), seed: 7),
            hyperparameters: .init(method: .gd, learningRate: 0.3), stop: .init(tolerance: tolerance))
        let loaded = try setup.data.load()
        let session = setup.makeSession(loaded)
        defer { session.shutdown() }
        session.start()
        waitFor(session, "convergence") { $0.status == .converged }
        let first = session.snapshot()
        XCTAssertEqual(first.message, "the relative change of the loss fell below \(tolerance) at step \(first.step)")
        session.start()
        waitFor(session, "running on") { $0.step > first.step + 100 }
        session.pause()
        var changed = setup.hyperparameters
        changed.learningRate = 0.2
        session.setHyperparameters(changed)
        session.start()
        waitFor(session, "convergence at the new rate") { $0.status == .converged }
        session.reset()
        session.setHyperparameters(setup.hyperparameters)
        session.start()
        waitFor(session, "convergence after reset") { $0.status == .converged }
        session.waitUntilIdle()
        let again = session.snapshot()
        XCTAssertEqual(again.step, first.step)
        XCTAssertEqual(again.weights.map(\.bitPattern), first.weights.map(\.bitPattern))

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("descent-converge-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SessionRecorder(path: path, setup: setup).finish(session: session)
        let recording = try SessionRecording.load(path: path)
        XCTAssertEqual(recording.setup.stop.tolerance, tolerance, "the tolerance is part of the recorded setup")
        let replayed = try recording.replay(on: loaded)
        XCTAssertEqual(replayed.step, again.step)
        XCTAssertEqual(replayed.outcome, .converged)
        XCTAssertEqual(replayed.model.weights.map(\.bitPattern), again.weights.map(\.bitPattern))
        XCTAssertEqual(replayed.model.intercept?.bitPattern, again.intercept?.bitPattern)
    }
}
