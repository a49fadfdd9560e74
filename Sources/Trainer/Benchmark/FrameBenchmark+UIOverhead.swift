// How much a 30 fps UI slows the engine: steps/s of one running session with and without a frame-loop reader.
import Engine
import Foundation
import Plot

extension FrameBenchmark {
    /// Engine speed measured alone and under a 30 fps reader, from alternating windows of one running session.
    public struct UIOverhead: Sendable {
        /// Median steps/s over the windows with nobody reading.
        public var headlessStepsPerSecond: Double
        /// Median steps/s over the windows with the frame-loop reader running.
        public var withUIStepsPerSecond: Double
        /// Frames the reader drew, and its mean CPU-side milliseconds per frame (snapshot to diff).
        public var frames: Int
        public var meanFrameMilliseconds: Double

        /// `withUIStepsPerSecond / headlessStepsPerSecond`: the issue asks for at least 0.9.
        public var ratio: Double {
            headlessStepsPerSecond > 0 ? withUIStepsPerSecond / headlessStepsPerSecond : 0
        }
    }

    /// Trains mini-batch SGD on a seeded `rows × features` problem, alternating windows of `seconds` with no
    /// reader and with a reader doing what the frame loop does 30 times a second: `snapshot()`, the loss
    /// curves, predictions and residuals for every row (the weights change every frame while training), the weight
    /// paths, a full-screen render and the diff a backend would send. Medians over `rounds` pairs of windows damp the machine's noise.
    public static func uiOverhead(
        rows: Int = 100_000, features: Int = 8, seconds: Double = 0.5, rounds: Int = 5, width: Int = 200, height: Int = 60,
        dataView: DataView = .residuals, weightsView: WeightsView = .paths
    ) -> UIOverhead {
        let data = syntheticData(rows: max(1, rows), features: max(1, features))
        let hyperparameters = Hyperparameters(method: .minibatch, learningRate: 0.01, batchSize: 32)
        let session = TrainingSession(train: data, hyperparameters: hyperparameters, seed: 1)
        defer { session.shutdown() }
        session.start()
        // Let the session's burst size settle before anything is timed.
        Thread.sleep(forTimeInterval: 0.3)

        var state = TrainerState(
            width: width, height: height, hyperparameters: hyperparameters, rowCount: data.rowCount, dataName: data.name,
            featureNames: data.featureNames)
        // The heaviest views: residuals (an extra pass over the rows) and the weight paths (the trajectory read).
        state.dataView = dataView
        state.weightsView = weightsView
        var charts = ChartData()
        var buffer = Buffer(width: width, height: height)
        var previous: Buffer?
        var frames = 0
        var frameSeconds = 0.0

        func drawFrame() {
            let start = now()
            state.snapshot = session.snapshot()
            charts.update(from: session, state: state)
            TrainerScreen(state: state, charts: charts).render(into: &buffer)
            _ = buffer.changes(since: previous)
            previous = buffer
            frames += 1
            frameSeconds += now() - start
        }

        /// Steps per second over one window, with or without the reader.
        func window(reading: Bool) -> Double {
            let firstStep = session.snapshot().step, start = now()
            let end = start + seconds
            var tick = start
            while now() < end {
                if reading { drawFrame() }
                tick += TrainerApp.frameInterval
                let wait = min(tick, end) - now()
                if wait > 0 { Thread.sleep(forTimeInterval: wait) }
            }
            return Double(session.snapshot().step - firstStep) / (now() - start)
        }

        // Medians of alternating windows, so a burst of load from another process skews one window, not the figure.
        var headless: [Double] = [], withUI: [Double] = []
        for _ in 0..<max(1, rounds) {
            headless.append(window(reading: false))
            withUI.append(window(reading: true))
        }
        return UIOverhead(
            headlessStepsPerSecond: median(headless), withUIStepsPerSecond: median(withUI), frames: frames,
            meanFrameMilliseconds: frames > 0 ? frameSeconds / Double(frames) * 1000 : 0)
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    private static func now() -> Double { ProcessInfo.processInfo.systemUptime }

    /// y = x·(1, 2, …, d) + 3 + noise, features uniform in 0..<10, from a fixed seed (`features` ≥ 1).
    static func syntheticData(rows: Int, features: Int) -> Dataset {
        var generator = SeededGenerator(seed: 11)
        let x = (0..<(rows * features)).map { _ in generator.nextUnit() * 10 }
        let y = (0..<rows).map { i in
            var sum = 3.0
            for j in 0..<features { sum += x[i * features + j] * Double(j + 1) }
            return sum + generator.nextUnit() - 0.5
        }
        return Dataset(
            name: "synthetic", featureNames: (1...features).map { "x\($0)" }, targetName: "y", x: x, y: y)
    }
}
