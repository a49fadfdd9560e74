// Fixed data, snapshots and chart data shared by the trainer tests, so frames are reproducible.
import Engine
import Foundation
import Plot
@testable import Trainer

enum TrainerFixtures {
    static let featureNames = ["x"]

    /// A state at step 1234 of GD on 200 rows, paused, optionally comparing with a known closed form.
    static func state(width: Int, height: Int, comparing: Bool = false, status: TrainingStatus = .paused) -> TrainerState {
        let hyperparameters = Hyperparameters(method: .gd, update: .plain, learningRate: 0.1, batchSize: 32)
        let closedForm = ClosedFormComparison(
            weights: [2.0], intercept: 1.0, trainLoss: 0.5, testLoss: nil, rank: 2, conditionNumber: 3.86,
            singularValues: [40, 10.4], largestStableLearningRate: 0.25, normalEquationWeights: [2.0], warnings: [])
        let snapshot = TrainingSnapshot(
            step: 1234, epoch: 1234, weights: [1.9876], intercept: 1.25, trainLoss: 0.5123, trainR2: 0.9876,
            stepsPerSecond: 12_345, status: status, message: status == .diverged ? "loss became infinite at lr 5 (stable below 0.25)" : nil,
            hyperparameters: hyperparameters, largestStableLearningRate: 0.25, conditionNumber: 1.732,
            closedForm: comparing ? closedForm : nil)
        var state = TrainerState(
            width: width, height: height, hyperparameters: hyperparameters, speed: .unlimited, snapshot: snapshot,
            rowCount: 200, dataName: "line", featureNames: featureNames)
        state.isComparing = comparing
        return state
    }

    /// A falling loss curve and a good fit, computed from fixed formulas.
    static func charts(columns: Int = 120, steps: Int = 1234) -> ChartData {
        let buckets = (0..<columns).map { i -> LossCurve.Bucket in
            let first = i * steps / columns, last = max(first, (i + 1) * steps / columns - 1)
            let value = 0.5 + 40 * exp(-Double(last) / 150)
            return LossCurve.Bucket(firstStep: first, lastStep: last, min: value * 0.98, max: value * 1.02, last: value)
        }
        let x = (0..<200).map { Double($0) / 20 }
        let actual = x.enumerated().map { 2 * $0.element + 1 + sin(Double($0.offset)) }
        let predicted = x.map { 1.9876 * $0 + 1.25 }
        return ChartData(
            trainLoss: LossCurve(buckets: buckets, totalSteps: steps), trainActual: actual, trainPredicted: predicted)
    }

    /// Twenty rows on y = 2x + 1 plus a fixed wiggle: small enough to check by hand.
    static let lineData: Dataset = {
        let x = (0..<20).map { Double($0) / 4 }
        let y = x.enumerated().map { 2 * $0.element + 1 + 0.3 * sin(Double($0.offset)) }
        return Dataset(name: "line", featureNames: ["x"], targetName: "y", x: x, y: y)
    }()

    /// A TrainingRun on `lineData` after `steps` GD steps at lr 0.1 (standardized).
    static func run(steps: Int) -> TrainingRun {
        var run = TrainingRun(train: lineData, hyperparameters: Hyperparameters(method: .gd, learningRate: 0.1))
        for _ in 0..<steps { run.takeStep() }
        return run
    }

    /// The landscape frame after 5 steps: grid, the path so far and the optimum, at 80×24's panel size.
    static func landscape() -> LandscapeFrame {
        var run = run(steps: 0)
        var points: [ParameterTrajectory.Point] = []
        for _ in 0..<5 {
            let model = run.model
            points.append(.init(step: run.step, weights: model.weights, intercept: model.intercept))
            run.takeStep()
        }
        let landscape = LossLandscape(train: lineData, fitIntercept: true, standardized: true)!
        let model = run.model
        let path = points.map { landscape.coordinates(of: $0, axes: (0, 1)) }
        return LandscapeFrame.make(
            landscape: landscape, axes: LandscapeAxes(featureCount: 1, fitIntercept: true), weights: model.weights,
            intercept: model.intercept, path: path, columns: 30, rows: 18)!
    }

    /// A ghost from a slower fixed curve.
    static func ghost(rate: Double, method: TrainingMethod = .gd, batch: Int = 200) -> GhostRun {
        let curve = charts(steps: 900).trainLoss
        let slower = LossCurve(
            buckets: curve.buckets.map { .init(firstStep: $0.firstStep, lastStep: $0.lastStep, min: $0.min * 1.5, max: $0.max * 1.5, last: $0.last * 1.5) },
            totalSteps: curve.totalSteps)
        return GhostRun(method: method, update: .plain, learningRate: rate, batchSize: batch, curve: slower)
    }
}
