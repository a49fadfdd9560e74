// `descent bench`'s render_frame_ms: a full 200×60 frame with a 100,000-point scatter and a 1,000,000-step history.
import Dispatch
import Engine
import Foundation
import Plot

/// Times drawing a complete trainer screen into an in-memory buffer, the way the frame loop does.
public enum FrameBenchmark {
    /// The mean milliseconds per frame over `frames` frames (after one warm-up frame).
    /// The history is decimated to the chart's columns once, as the engine hands it over; the predictions are
    /// recomputed every frame, as the frame loop does after each step.
    public static func renderFrameMilliseconds(
        width: Int = 200, height: Int = 60, frames: Int = 20, points: Int = 100_000, historySteps: Int = 1_000_000
    ) -> Double {
        let drawFrame = frameDrawer(width: width, height: height, points: points, historySteps: historySteps)
        var buffer = Buffer(width: width, height: height)
        drawFrame(&buffer)
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<max(1, frames) { drawFrame(&buffer) }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        return elapsed / Double(max(1, frames))
    }

    /// What one timed frame does: predictions for every point, then the whole comparing trainer screen (a
    /// `points`-point scatter, a `historySteps`-step loss curve) drawn into the buffer.
    static func frameDrawer(width: Int, height: Int, points: Int, historySteps: Int) -> (inout Buffer) -> Void {
        var generator = SeededGenerator(seed: 42)
        let x = (0..<points).map { _ in generator.nextUnit() * 10 }
        let y = x.map { 2 * $0 + 1 + (generator.nextUnit() - 0.5) }
        let data = Dataset(name: "bench", featureNames: ["x"], targetName: "y", x: x, y: y)
        let hyperparameters = Hyperparameters(method: .minibatch, learningRate: 0.01, batchSize: 64)
        let snapshot = TrainingSnapshot(
            step: historySteps, epoch: Double(historySteps * 64) / Double(points), weights: [1.98], intercept: 1.01,
            trainLoss: 0.09, trainR2: 0.99, stepsPerSecond: 1e6, status: .running, hyperparameters: hyperparameters)
        var state = TrainerState(
            width: width, height: height, hyperparameters: hyperparameters, snapshot: snapshot, rowCount: points,
            dataName: "bench", featureNames: ["x"])
        state.isComparing = true
        let columns = max(1, (state.layout.loss.width - 2) * 2)
        let curve = lossCurve(steps: historySteps, columns: columns)
        let screenState = state
        return { buffer in
            let predicted = ChartData.predictions(of: data, weights: snapshot.weights, intercept: snapshot.intercept)
            let charts = ChartData(trainLoss: curve, trainActual: data.y, trainPredicted: predicted)
            TrainerScreen(state: screenState, charts: charts).render(into: &buffer)
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
