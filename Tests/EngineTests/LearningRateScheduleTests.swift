// Each schedule's rate sequence against its formula, the engine taking those rates, and replay staying exact.
import XCTest
@testable import Engine

final class LearningRateScheduleTests: XCTestCase {
    func testRatesFollowTheFormulas() {
        let eta = 0.2
        for s in [0, 1, 2, 9, 99, 999, 12_345] {
            let e = Double(s) / 7
            XCTAssertEqual(LearningRateSchedule().rate(base: eta, steps: s, epochs: e), eta)
            XCTAssertEqual(
                LearningRateSchedule(kind: .inverse, decay: 0.05).rate(base: eta, steps: s, epochs: e),
                eta / (1 + 0.05 * Double(s)), accuracy: 1e-15)
            // scikit-learn: eta0 / pow(t, power_t) with t = 1 on the first update.
            XCTAssertEqual(
                LearningRateSchedule(kind: .invscaling, power: 0.5).rate(base: eta, steps: s, epochs: e),
                eta / Double(s + 1).squareRoot(), accuracy: 1e-15)
            var expected = eta
            for _ in 0..<Int((e / 3).rounded(.down)) { expected *= 0.5 }
            XCTAssertEqual(
                LearningRateSchedule(kind: .step, factor: 0.5, every: 3).rate(base: eta, steps: s, epochs: e), expected,
                accuracy: 1e-15)
            let t = Double(min(s, 500)) / 500
            XCTAssertEqual(
                LearningRateSchedule(kind: .cosine, horizon: 500, floor: 0.1).rate(base: eta, steps: s, epochs: e),
                0.02 + 0.18 * (1 + cos(Double.pi * t)) / 2, accuracy: 1e-15)
        }
        // Cosine starts at η₀, reaches the floor at T and stays; step drops exactly at multiples of K.
        let cosine = LearningRateSchedule(kind: .cosine, horizon: 100, floor: 0.25)
        XCTAssertEqual(cosine.rate(base: 1, steps: 0, epochs: 0), 1)
        XCTAssertEqual(cosine.rate(base: 1, steps: 100, epochs: 0), 0.25, accuracy: 1e-16)
        XCTAssertEqual(cosine.rate(base: 1, steps: 1000, epochs: 0), 0.25, accuracy: 1e-16)
        let step = LearningRateSchedule(kind: .step, factor: 0.1, every: 2)
        XCTAssertEqual(step.rate(base: 1, steps: 0, epochs: 1.999), 1)
        XCTAssertEqual(step.rate(base: 1, steps: 0, epochs: 2), 0.1, accuracy: 1e-16)
    }

    func testParametersOutOfRangeAreNamed() {
        func problem(_ s: LearningRateSchedule) -> String? { s.problem { "--" + $0 } }
        XCTAssertNil(problem(LearningRateSchedule()))
        XCTAssertEqual(problem(LearningRateSchedule(decay: -1)), "--decay: must be a finite number ≥ 0, got -1.0")
        XCTAssertEqual(problem(LearningRateSchedule(power: .nan)), "--power: must be a finite number ≥ 0, got nan")
        XCTAssertEqual(problem(LearningRateSchedule(factor: 0)), "--factor: must be in (0, 1], got 0.0")
        XCTAssertEqual(problem(LearningRateSchedule(every: 0)), "--every: must be a positive number of epochs, got 0.0")
        XCTAssertEqual(problem(LearningRateSchedule(horizon: 0)), "--horizon: must be at least 1 step, got 0")
        XCTAssertEqual(problem(LearningRateSchedule(floor: 1.5)), "--floor: must be in [0, 1], got 1.5")
    }

    private func line() -> Dataset {
        let x = (0..<50).map { Double($0) / 10 }
        return Dataset(name: "line", featureNames: ["x"], targetName: "y", x: x, y: x.map { 3 * $0 - 1 + sin(7 * $0) })
    }

    func testTheRunTakesTheScheduledRateCountedFromTheSwitch() {
        let data = line()
        let schedule = LearningRateSchedule(kind: .invscaling, power: 0.5)
        var run = TrainingRun(train: data, hyperparameters: Hyperparameters(method: .sgd, learningRate: 0.05), standardize: false)
        for _ in 0..<10 { run.takeStep() }
        XCTAssertEqual(run.currentLearningRate, 0.05)
        var h = run.hyperparameters
        h.schedule = schedule
        run.setHyperparameters(h)
        // Plain SGD: the change of a weight is −η·∇; η of the k-th step after the switch is η₀/√k.
        for k in 1...30 {
            XCTAssertEqual(run.currentLearningRate, 0.05 / Double(k).squareRoot(), accuracy: 1e-16)
            let probe = run
            let before = run.model.weights[0]
            let narration = probe.narrateNextStep()
            XCTAssertEqual(narration.learningRate, run.currentLearningRate)
            run.takeStep()
            XCTAssertEqual(run.model.weights[0], before - narration.learningRate * narration.gradient[0], accuracy: 1e-14)
        }
        XCTAssertGreaterThan(run.rateHistory.count, 0)
        run.refreshLosses()
        XCTAssertEqual(run.rateHistory.last!.loss, run.currentLearningRate, accuracy: 1e-16)
        run.reset()
        XCTAssertEqual(run.currentLearningRate, 0.05, "a reset starts the schedule over")
    }

    func testConstantScheduleIsBitIdenticalToNoSchedule() {
        let data = line()
        var a = TrainingRun(train: data, hyperparameters: Hyperparameters(method: .minibatch, learningRate: 0.07, batchSize: 8))
        var b = TrainingRun(
            train: data, hyperparameters: Hyperparameters(
                method: .minibatch, learningRate: 0.07, batchSize: 8, schedule: LearningRateSchedule(kind: .constant, decay: 3)))
        for _ in 0..<200 { a.takeStep(); b.takeStep() }
        XCTAssertEqual(a.model.weights, b.model.weights)
        XCTAssertEqual(a.model.intercept, b.model.intercept)
    }

    func testReplayOfAScheduleSwitchIsBitIdentical() throws {
        let session = TrainingSession(
            train: line(), hyperparameters: Hyperparameters(method: .sgd, learningRate: 0.05), seed: 4, stop: StopCriteria(steps: 400))
        for _ in 0..<37 { session.step() }
        var h = Hyperparameters(method: .sgd, learningRate: 0.05)
        h.schedule = LearningRateSchedule(kind: .cosine, horizon: 120, floor: 0.05)
        session.setHyperparameters(h)
        for _ in 0..<150 { session.step() }
        session.waitUntilIdle()
        let live = session.snapshot()
        // The commands the session logged, replayed at their steps on a fresh run, give the same weights.
        var replay = TrainingRun(
            train: line(), hyperparameters: Hyperparameters(method: .sgd, learningRate: 0.05), seed: 4,
            stop: StopCriteria(steps: 400))
        var commands = session.appliedCommands()[...]
        while replay.step < live.step {
            while let next = commands.first, next.step == replay.step {
                replay.apply(next.command)
                commands = commands.dropFirst()
            }
            replay.resume()
            replay.takeStep()
        }
        XCTAssertEqual(replay.model.weights, live.weights)
        XCTAssertEqual(replay.model.intercept, live.intercept)
        XCTAssertEqual(replay.currentLearningRate, live.currentLearningRate)
        // The schedule travels in the JSON of commands and setups.
        let encoded = try JSONEncoder().encode(h)
        XCTAssertEqual(try JSONDecoder().decode(Hyperparameters.self, from: encoded), h)
        session.shutdown()
    }
}
