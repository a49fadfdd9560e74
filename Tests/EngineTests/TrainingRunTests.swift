// The training core: convergence to the optimum, mini-batch = GD at batch n, determinism, live changes.
import MessageText
import XCTest
@testable import Engine

final class TrainingRunTests: XCTestCase {
    private func run(_ data: Dataset, _ h: Hyperparameters, standardize: Bool = true, seed: UInt64 = 1,
                     steps: Int, stop: StopCriteria = .init()) -> TrainingRun {
        var run = TrainingRun(train: data, hyperparameters: h, standardize: standardize, seed: seed, stop: stop)
        for _ in 0..<steps { run.takeStep() }
        return run
    }

    func testGradientDescentReachesTheOptimumLoss() throws {
        let data = try wellConditioned(features: 3)
        let optimum = referenceOptimum(data, fitIntercept: true)
        let best = referenceLoss(data, weights: optimum.weights, intercept: optimum.intercept)
        for standardize in [true, false] {
            var probe = TrainingRun(train: data, standardize: standardize)
            let rate = 0.9 * probe.largestStableLearningRate()
            let trained = run(data, .init(method: .gd, learningRate: rate), standardize: standardize, steps: 3000)
            let model = trained.model
            let loss = referenceLoss(data, weights: model.weights, intercept: model.intercept!)
            XCTAssertEqual(loss, best, accuracy: 1e-10 * best, "standardize \(standardize)")
            XCTAssertEqual(trained.trainMetrics().meanSquaredError, best, accuracy: 1e-10 * best)
            for j in 0..<3 { XCTAssertEqual(model.weights[j], optimum.weights[j], accuracy: 1e-6) }
        }
    }

    func testEveryUpdateRuleConverges() throws {
        let data = try wellConditioned(features: 2)
        let optimum = referenceOptimum(data, fitIntercept: true)
        let best = referenceLoss(data, weights: optimum.weights, intercept: optimum.intercept)
        let rates: [UpdateRule: Double] = [.plain: 0.3, .momentum: 0.05, .nesterov: 0.05, .adam: 0.05]
        for rule in UpdateRule.allCases {
            let trained = run(data, .init(method: .gd, update: rule, learningRate: rates[rule]!), steps: 4000)
            XCTAssertEqual(trained.trainMetrics().meanSquaredError, best, accuracy: 1e-6 * best, "\(rule)")
        }
    }

    func testRidgeReachesTheRidgeOptimumInDataUnits() throws {
        let data = try wellConditioned(features: 3)
        let optimum = referenceOptimum(data, fitIntercept: true, l2: 0.3)
        let trained = run(data, .init(method: .gd, learningRate: 0.5, l2: 0.3), standardize: false, steps: 3000)
        for j in 0..<3 { XCTAssertEqual(trained.model.weights[j], optimum.weights[j], accuracy: 1e-9) }
        XCTAssertEqual(trained.model.intercept!, optimum.intercept, accuracy: 1e-9)
    }

    func testMiniBatchOfAllRowsEqualsGradientDescentStepForStep() throws {
        let data = try wellConditioned(rows: 64, features: 3)
        for rule in UpdateRule.allCases {
            var gd = TrainingRun(train: data, hyperparameters: .init(method: .gd, update: rule, learningRate: 0.05))
            var mini = TrainingRun(
                train: data, hyperparameters: .init(method: .minibatch, update: rule, learningRate: 0.05, batchSize: 64))
            for step in 1...50 {
                gd.takeStep()
                mini.takeStep()
                XCTAssertEqual(gd.model.weights, mini.model.weights, "\(rule) step \(step)")
                XCTAssertEqual(gd.model.intercept, mini.model.intercept)
            }
            XCTAssertEqual(mini.epoch, 50)
        }
    }

    func testSameSeedGivesIdenticalWeightsAndAnotherSeedDoesNot() throws {
        let data = try wellConditioned(rows: 300, features: 4)
        let h = Hyperparameters(method: .minibatch, update: .adam, learningRate: 0.01, batchSize: 16)
        func trajectory(seed: UInt64) -> [Double] {
            var r = TrainingRun(train: data, hyperparameters: h, seed: seed, randomInit: true)
            for _ in 0..<200 { r.takeStep() }
            r.setHyperparameters(.init(method: .sgd, update: .momentum, learningRate: 0.001))
            for _ in 0..<100 { r.takeStep() }
            return r.model.weights + [r.model.intercept!]
        }
        let a = trajectory(seed: 11), b = trajectory(seed: 11), c = trajectory(seed: 12)
        XCTAssertEqual(a.map(\.bitPattern), b.map(\.bitPattern))
        XCTAssertNotEqual(a, c)
    }

    func testResetReplaysTheSameTrajectory() throws {
        let data = try wellConditioned(rows: 100, features: 2)
        var r = TrainingRun(train: data, hyperparameters: .init(method: .sgd, learningRate: 0.01), seed: 5)
        for _ in 0..<150 { r.takeStep() }
        let first = r.model.weights
        r.reset()
        XCTAssertEqual(r.step, 0)
        XCTAssertEqual(r.model.weights, [0, 0])
        for _ in 0..<150 { r.takeStep() }
        XCTAssertEqual(r.model.weights, first)
    }

    func testLearningRateChangeMidRunTakesEffect() throws {
        let data = try wellConditioned(rows: 100, features: 2)
        var r = TrainingRun(train: data, hyperparameters: .init(method: .gd, learningRate: 0.1))
        for _ in 0..<5 { r.takeStep() }
        var h = r.hyperparameters
        h.learningRate = 0
        r.setHyperparameters(h)
        let frozen = r.model.weights
        for _ in 0..<5 { r.takeStep() }
        XCTAssertEqual(r.model.weights, frozen, "a zero rate must stop the weights")
        XCTAssertEqual(r.step, 10, "no reset happened")
        h.learningRate = 0.1
        r.setHyperparameters(h)
        r.takeStep()
        XCTAssertNotEqual(r.model.weights, frozen)
    }

    func testBatchSizeChangeMidRunChangesRowsPerStep() throws {
        let data = try wellConditioned(rows: 100, features: 2)
        var r = TrainingRun(train: data, hyperparameters: .init(method: .minibatch, learningRate: 0.01, batchSize: 10))
        for _ in 0..<3 { r.takeStep() }
        XCTAssertEqual(r.rowsSeen, 30)
        var h = r.hyperparameters
        h.batchSize = 25
        r.setHyperparameters(h)
        r.takeStep()
        XCTAssertEqual(r.rowsSeen, 55)
        h.method = .sgd
        r.setHyperparameters(h)
        r.takeStep()
        XCTAssertEqual(r.rowsSeen, 56)
    }

    func testDivergenceAtTwiceTheStableRateButNotAtHalf() throws {
        let data = try wellConditioned(rows: 200, features: 3)
        for standardize in [true, false] {
            var probe = TrainingRun(train: data, standardize: standardize)
            let stable = probe.largestStableLearningRate()
            XCTAssertTrue(stable.isFinite && stable > 0)

            let fast = run(data, .init(method: .gd, learningRate: 2 * stable), standardize: standardize, steps: 500)
            XCTAssertEqual(fast.outcome, .diverged, "standardize \(standardize)")
            XCTAssertTrue(fast.message?.contains("largest stable") ?? false)
            XCTAssertTrue(fast.model.weights.allSatisfy(\.isFinite))
            XCTAssertTrue(fast.latestTrainLoss!.isFinite)
            // The message names the kept weights, whose loss is the one reported (not the runaway one).
            let message = try XCTUnwrap(fast.message)
            let loss = NumberText.inMessage(fast.latestTrainLoss!)
            let range = try XCTUnwrap(message.range(of: #"kept the weights of step (\d+) \(loss "# + loss + #"\)$"#, options: .regularExpression), message)
            let keptStep = try XCTUnwrap(Int(message[range].split(separator: " ")[5]))
            XCTAssertLessThan(keptStep, fast.step, message)

            let slow = run(data, .init(method: .gd, learningRate: 0.5 * stable), standardize: standardize, steps: 500)
            XCTAssertNil(slow.outcome)
            XCTAssertEqual(slow.step, 500)
        }
    }

    func testStabilityBoundMatchesTheHessianOnAOneFeatureProblem() throws {
        // One centred feature with unit variance and an intercept: H = 2·I, so 2/λmax = 1.
        let x: [Double] = [-1, 1, -1, 1]
        let data = Dataset(name: "t", featureNames: ["x"], targetName: "y", x: x, y: [0, 1, 2, 3])
        var r = TrainingRun(train: data, standardize: false)
        XCTAssertEqual(r.largestStableLearningRate(), 1, accuracy: 1e-12)
        r.setHyperparameters(.init(l2: 1))
        XCTAssertEqual(r.largestStableLearningRate(), 0.5, accuracy: 1e-12)
    }

    func testStopCriteria() throws {
        let data = try wellConditioned(rows: 100, features: 2)
        let bySteps = run(data, .init(method: .gd), steps: 1000, stop: .init(steps: 7))
        XCTAssertEqual(bySteps.step, 7)
        XCTAssertEqual(bySteps.outcome, .maxSteps)
        let byEpochs = run(data, .init(method: .minibatch, batchSize: 10), steps: 1000, stop: .init(epochs: 2.5))
        XCTAssertEqual(byEpochs.step, 25)
        XCTAssertEqual(byEpochs.outcome, .maxSteps)
        let byTolerance = run(data, .init(method: .gd, learningRate: 0.3), steps: 10_000, stop: .init(tolerance: 1e-9))
        XCTAssertEqual(byTolerance.outcome, .converged)
        XCTAssertLessThan(byTolerance.step, 10_000)
    }

    func testStandardizationToggleKeepsTheModel() throws {
        let data = try wellConditioned(rows: 100, features: 3)
        var r = TrainingRun(train: data, hyperparameters: .init(method: .gd, learningRate: 0.1))
        for _ in 0..<20 { r.takeStep() }
        let before = r.model
        r.setStandardized(false)
        XCTAssertFalse(r.standardized)
        for j in 0..<3 { XCTAssertEqual(r.model.weights[j], before.weights[j], accuracy: 1e-12 * max(1, abs(before.weights[j]))) }
        XCTAssertEqual(r.model.intercept!, before.intercept!, accuracy: 1e-10)
    }

    func testNoInterceptFitsThroughTheOrigin() throws {
        let data = try wellConditioned(rows: 100, features: 2)
        let optimum = referenceOptimum(data, fitIntercept: false)
        var r = TrainingRun(train: data, hyperparameters: .init(method: .gd, learningRate: 0.3), fitIntercept: false)
        for _ in 0..<3000 { r.takeStep() }
        XCTAssertNil(r.model.intercept)
        for j in 0..<2 { XCTAssertEqual(r.model.weights[j], optimum.weights[j], accuracy: 1e-8) }
    }

    func testLossHistoryRecordsEveryEvaluatedStep() throws {
        let data = try wellConditioned(rows: 50, features: 2)
        let trained = run(data, .init(method: .sgd, learningRate: 0.01), steps: 300)
        XCTAssertEqual(trained.trainHistory.count, 300, "cheap data: the full loss is evaluated every step")
        let curve = trained.trainHistory.curve(columns: 1000, totalSteps: trained.step)
        XCTAssertEqual(curve.buckets.first?.firstStep, 0)
        XCTAssertEqual(curve.buckets.last?.lastStep, 299)
    }
}
