// `descent bench`'s render_frame_ms: full 200×60 frames of every data view on 100,000 points and a 1,000,000-step history.
import Dispatch
import Engine
import Foundation
import Plot

/// Times drawing a complete trainer screen into an in-memory buffer, the way the frame loop does.
public enum FrameBenchmark {
    /// The mean milliseconds per frame over `frames` frames (after one warm-up frame of each view). The frames
    /// take turns through the data panel's views of the one-feature data (fit with the closed-form curve and
    /// residuals asked for, predicted vs actual, residuals vs predicted), the Weights panel in bars and paths.
    /// The history is decimated to the chart's columns once, as the engine hands it over; the predictions and
    /// each view's own series are recomputed every frame, as the frame loop does after each step.
    public static func renderFrameMilliseconds(
        width: Int = 200, height: Int = 60, frames: Int = 20, points: Int = 100_000, historySteps: Int = 1_000_000,
        views: [(DataView, WeightsView)] = FrameBenchmark.views
    ) -> Double {
        let drawFrame = frameDrawer(width: width, height: height, points: points, historySteps: historySteps, views: views)
        var buffer = Buffer(width: width, height: height)
        for index in views.indices { drawFrame(&buffer, index) }
        let start = DispatchTime.now().uptimeNanoseconds
        for index in 0..<max(1, frames) { drawFrame(&buffer, index) }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        return elapsed / Double(max(1, frames))
    }

    /// What the timed frame number `index` does: predictions for every point and the view's own series, then the
    /// whole comparing trainer screen (a `points`-point data panel, a `historySteps`-step loss curve) drawn.
    static func frameDrawer(
        width: Int, height: Int, points: Int, historySteps: Int, views: [(DataView, WeightsView)] = FrameBenchmark.views
    ) -> (inout Buffer, Int) -> Void {
        var generator = SeededGenerator(seed: 42)
        let x = (0..<points).map { _ in generator.nextUnit() * 10 }
        let y = x.map { 2 * $0 + 1 + (generator.nextUnit() - 0.5) }
        let data = Dataset(name: "bench", featureNames: ["x"], targetName: "y", x: x, y: y)
        let hyperparameters = Hyperparameters(method: .minibatch, learningRate: 0.01, batchSize: 64)
        let closedForm = ClosedFormComparison(
            weights: [2], intercept: 1, trainLoss: 0.083, testLoss: nil, rank: 2, conditionNumber: 3, singularValues: [],
            largestStableLearningRate: 0.5, normalEquationWeights: nil, warnings: [])
        let snapshot = TrainingSnapshot(
            step: historySteps, epoch: Double(historySteps * 64) / Double(points), weights: [1.98], intercept: 1.01,
            trainLoss: 0.09, trainR2: 0.99, stepsPerSecond: 1e6, status: .running, hyperparameters: hyperparameters,
            closedForm: closedForm)
        var state = TrainerState(
            width: width, height: height, hyperparameters: hyperparameters, snapshot: snapshot, rowCount: points,
            dataName: "bench", featureNames: ["x"], fitInputName: "x")
        state.isComparing = true
        state.showsResiduals = true
        let columns = max(1, (state.layout.loss.width - 2) * 2)
        let curve = lossCurve(steps: historySteps, columns: columns)
        let samples = max(2, (state.layout.prediction.width - 2) * 2)
        let paths = weightPath(steps: historySteps, points: max(2, (state.layout.weights.width - 2) * 2))
        let frameState = state
        return { buffer, index in
            var state = frameState
            let w = snapshot.weights, b = snapshot.intercept
            let predicted = ChartData.predictions(of: data, weights: w, intercept: b)
            var charts = ChartData(trainLoss: curve, trainActual: data.y, trainPredicted: predicted)
            (state.dataView, state.weightsView) = views[index % views.count]
            switch state.dataView {
            case .fit:
                charts.trainInput = x
                charts.modelCurve = ModelCurve(weights: w, intercept: b, from: -0.5, to: 10.5, count: samples)
                charts.referenceCurve = ModelCurve(weights: [2], intercept: 1, from: -0.5, to: 10.5, count: samples)
            case .residuals:
                charts.trainResiduals = PartialResiduals.residuals(actual: data.y, predicted: predicted)
            case .partialFit, .predictedActual: break
            }
            if state.weightsView == .paths { charts.weightPaths = paths }
            TrainerScreen(state: state, charts: charts).render(into: &buffer)
        }
    }

    /// The views the frames take turns through: every data view of one-feature data, each Weights view.
    public static let views: [(DataView, WeightsView)] = [(.fit, .paths), (.predictedActual, .bars), (.residuals, .paths), (.fit, .bars)]

    /// A weight and intercept converging over `steps` steps, thinned to `points` as the trajectory hands it over.
    static func weightPath(steps: Int, points: Int) -> [ParameterTrajectory.Point] {
        (0..<points).map { k in
            let step = k * steps / max(1, points - 1)
            let f = exp(-Double(step) / 20_000)
            return ParameterTrajectory.Point(step: step, weights: [2 * (1 - f)], intercept: 1 - f)
        }
    }

    /// A noisy, decaying loss history of `steps` values reduced to `columns` min/max/last buckets.
    static func lossCurve(steps: Int, columns: Int) -> LossCurve {
        var generator = SeededGenerator(seed: 7)
        let perBucket = max(1, steps / columns)
        var buckets: [LossCurve.Bucket] = []
        var first = 0
        while first < steps {
            let last = min(steps, first + perBucket) - 1
            var low = Double.infinity, high = -Double.infinity, value = 0.0
            for step in first...last {
                value = 0.09 + 50 * exp(-Double(step) / 20_000) * (0.8 + 0.4 * generator.nextUnit())
                low = min(low, value)
                high = max(high, value)
            }
            buckets.append(LossCurve.Bucket(firstStep: first, lastStep: last, min: low, max: high, last: value))
            first = last + 1
        }
        return LossCurve(buckets: buckets, totalSteps: steps)
    }
}
