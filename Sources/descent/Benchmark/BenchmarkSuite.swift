// The workloads of `descent bench`, each run through the same Engine code a training session uses.
import Engine
import Foundation
import Trainer

/// Runs every workload on one seeded synthetic data set and collects median figures.
///
/// Training workloads drive a `TrainingRun` (the type the session's thread steps), the closed form goes
/// through `ClosedFormComparison.solve` (what the session computes on request), and the CSV is loaded
/// through `DataSpecification.load` (what `fit` and the UI call), and a frame is drawn by the Trainer's own
/// `FrameBenchmark` (a 200 × 60 screen with a 100,000-point scatter). Features are not standardized, like the
/// peers' workloads; the kernels are the same either way.
struct BenchmarkSuite {
    var rows: Int
    var features: Int
    var quick: Bool
    /// Progress lines for people (stderr), so stdout stays one JSON object.
    var report: (String) -> Void

    /// Rows when the user gives none.
    static let defaultRows = 1_000_000, quickRows = 100_000
    /// The CSV workload's row cap (the 1,000,000 × 10 file).
    static let csvRows = 1_000_000

    func run() throws -> BenchmarkFigures {
        var figures = BenchmarkFigures(rows: rows, features: features)
        let csvFile = try trainingWorkloads(&figures)
        defer { csvFile.remove() }
        // The data set is gone now: the CSV phase's peak is measured on its own.
        let resetWorked = PeakMemory.reset()
        figures.csvLoadMegabytesPerSecond = try csvMegabytesPerSecond(csvFile, repetitions: quick ? 1 : 3)
        if resetWorked { figures.csvPeakResidentMegabytes = PeakMemory.megabytes() }
        report("CSV: done")
        figures.renderFrameMilliseconds = FrameBenchmark.renderFrameMilliseconds(frames: quick ? 5 : 20)
        report("render: done")
        figures.trainingSpeedWithUIRatio = quick
            ? FrameBenchmark.uiOverhead(seconds: 0.2, rounds: 1).ratio : FrameBenchmark.uiOverhead().ratio
        report("training with the UI: done")
        try terminalBytes(&figures)
        return figures
    }

    /// The trainer's bytes a second on a 120 × 40 and a 200 × 60 pseudo-terminal (SGD on diabetes). Where no
    /// pseudo-terminal can be opened (a sandbox without /dev/ptmx) the figures are left out and the reason reported.
    func terminalBytes(_ figures: inout BenchmarkFigures) throws {
        let seconds = quick ? 2.0 : 4.0
        do {
            figures.terminalBytesPerSecond120x40 = try TerminalBytesBenchmark.bytesPerSecond(width: 120, height: 40, seconds: seconds)
            figures.terminalBytesPerSecond200x60 = try TerminalBytesBenchmark.bytesPerSecond(width: 200, height: 60, seconds: seconds)
            report("terminal bytes: done")
        } catch let failure as TerminalBytesBenchmark.Failure {
            report("terminal bytes: not measured (\(failure.description))")
        }
    }

    /// Runs the workloads on the synthetic data set, records their figures and the peak memory while the data
    /// set is held, and writes the CSV file for the loading workload.
    private func trainingWorkloads(_ figures: inout BenchmarkFigures) throws -> BenchmarkCSVFile {
        let data = try BuiltinDataset.synthetic.make(
            SyntheticParameters(rows: rows, features: features, noise: 0.1, conditionNumber: 1), seed: 0)
        report("data: \(rows) × \(features) synthetic Float64 (seed 0)")

        let gdSteps = quick ? 5 : 15
        figures.gdStepMilliseconds = 1e3 * fullBatchStepSeconds(data, steps: gdSteps)
        report("full-batch GD: done")
        figures.memoryReadGigabytesPerSecond = memoryReadGigabytesPerSecond(data.x, repetitions: gdSteps)
        figures.minibatch32StepsPerSecond = miniBatchStepsPerSecond(data, steps: quick ? 20_000 : 100_000)
        report("mini-batch: done")
        figures.sgdSamplesPerSecond = sgdSamplesPerSecond(data, epochs: quick ? 2 : 3)
        report("SGD: done")
        figures.closedFormMilliseconds = 1e3 * (try closedFormSeconds(data, repetitions: quick ? 1 : 3))
        figures.lassoMilliseconds = 1e3 * lassoSeconds(data, repetitions: quick ? 1 : 3)
        figures.proximalMinibatch32StepsPerSecond = miniBatchStepsPerSecond(data, steps: quick ? 20_000 : 100_000, l1: 0.02)
        report("closed form: done")
        figures.wideStableRateMilliseconds = 1e3 * (try wideStableRateSeconds(repetitions: quick ? 1 : 3))
        report("wide stable rate: done")
        figures.peakResidentMegabytes = PeakMemory.megabytes()
        figures.frameLoopStallMilliseconds = try frameLoopStallMilliseconds(data)
        report("frame-loop stall: done")
        figures.dataMegabytes = Double((data.x.count + data.y.count) * MemoryLayout<Double>.size) / 1e6
        let file = try BenchmarkCSVFile(data: data, rows: BenchmarkSuite.csvRows)
        report("CSV: wrote \(file.byteCount / 1_000_000) MB")
        return file
    }

    /// The trainer's worst frame while the landscape, narration and export run on the session's worker
    /// (exports go to a temporary directory, removed afterwards).
    private func frameLoopStallMilliseconds(_ data: Dataset) throws -> Double {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("descent-bench-export-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return FrameLoopStallBenchmark.worstStallMilliseconds(data: data, exportDirectory: directory.path)
    }

    /// Median seconds of the stable learning rate on a wide 1,000 × 5,000 design (standardized, as `fit` runs it):
    /// the n × n Gram of the rows and LAPACK's top eigenvalue, what `descent fit WIDE.csv` waits for.
    private func wideStableRateSeconds(repetitions: Int) throws -> Double {
        let wide = try BuiltinDataset.synthetic.make(
            SyntheticParameters(rows: 1_000, features: 5_000, noise: 0.1, conditionNumber: 1), seed: 0)
        return Stopwatch.medianSeconds(repetitions: repetitions) {
            var run = TrainingRun(train: wide, hyperparameters: Hyperparameters(method: .gd, learningRate: 0.01))
            _ = run.largestStableLearningRate()
        }
    }

    /// Median seconds of one full-batch step (loss, gradient and update) on all rows.
    private func fullBatchStepSeconds(_ data: Dataset, steps: Int) -> Double {
        var run = TrainingRun(
            train: data, hyperparameters: Hyperparameters(method: .gd, learningRate: 0.01), standardize: false)
        run.takeStep()  // warm-up: first touch of every page of the design
        return Stopwatch.medianSeconds(repetitions: steps) { run.takeStep() }
    }

    /// GB/s of the plain two-thread read of X.
    private func memoryReadGigabytesPerSecond(_ x: [Double], repetitions: Int) -> Double {
        var checksum = 0.0
        let seconds = Stopwatch.medianSeconds(repetitions: repetitions) { checksum += MemoryReadBenchmark.sum(x) }
        if checksum.isNaN { report("memory read: the data holds NaN") }
        return Double(x.count * MemoryLayout<Double>.size) / seconds / 1e9
    }

    /// Median steps/s of mini-batch steps of 32 rows (drawn without replacement within a shuffled epoch).
    private func miniBatchStepsPerSecond(_ data: Dataset, steps: Int, l1: Double = 0) -> Double {
        var run = TrainingRun(
            train: data, hyperparameters: Hyperparameters(method: .minibatch, learningRate: 0.01, batchSize: 32, l1: l1),
            standardize: false)
        run.takeStep()  // warm-up: the first evaluation and shuffle
        let seconds = Stopwatch.medianSeconds(repetitions: quick ? 3 : 5) {
            for _ in 0..<steps { run.takeStep() }
        }
        return Double(steps) / seconds
    }

    /// Median samples/s of per-sample SGD over whole shuffled epochs (the shuffle included).
    private func sgdSamplesPerSecond(_ data: Dataset, epochs: Int) -> Double {
        var run = TrainingRun(
            train: data, hyperparameters: Hyperparameters(method: .sgd, learningRate: 0.001), standardize: false)
        let n = data.rowCount
        let seconds = Stopwatch.medianSeconds(repetitions: epochs) {
            for _ in 0..<n { run.takeStep() }
        }
        return Double(n) / seconds
    }

    /// Median seconds of the closed form with its diagnostics (rank, σ's, textbook answer, stable rate).
    private func closedFormSeconds(_ data: Dataset, repetitions: Int) throws -> Double {
        try Stopwatch.medianSeconds(repetitions: repetitions) {
            _ = try ClosedFormComparison.solve(train: data, test: nil, fitIntercept: true, l2: 0, standardized: false)
        }
    }

    /// Median seconds of one Lasso solve as peers.py times scikit-learn's: Lasso(alpha=0.01) on the raw features
    /// with an intercept, i.e. Descent's J = MSE + α₁‖w‖₁ with α₁ = 2·0.01 (docs/math.md), from zero weights: one
    /// centred Gram pass, then coordinate descent to a duality gap of 1e-14·‖ỹ‖²/n (scikit-learn stops at 1e-6).
    private func lassoSeconds(_ data: Dataset, repetitions: Int) -> Double {
        var gap = 0.0, zeros = 0
        let seconds = Stopwatch.medianSeconds(repetitions: repetitions) {
            let optimum = ElasticNetOptimum(train: data, fitIntercept: true, l1: 0.02, l2: 0, standardized: false)
            gap = optimum.gap
            zeros = optimum.weights.filter { $0 == 0 }.count
        }
        report("lasso: duality gap \(gap), \(zeros) zero coefficients")
        return seconds
    }

    /// MB/s of loading the benchmark CSV (parsing and number conversion) with Descent's reader.
    private func csvMegabytesPerSecond(_ file: BenchmarkCSVFile, repetitions: Int) throws -> Double {
        let specification = DataSpecification(source: .csv(path: file.path))
        let seconds = try Stopwatch.medianSeconds(repetitions: repetitions) { _ = try specification.load() }
        return Double(file.byteCount) / seconds / 1e6
    }
}
