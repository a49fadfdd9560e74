// `descent fit`: Train headless and print the result.
import ArgumentParser
import Engine
import Figures
import Foundation

/// Loads data, trains (or solves) on the main thread and prints a table or one JSON object. Training runs
/// a `TrainingRun` directly rather than a threaded session: nothing else needs the thread, and `--history`
/// wants every evaluated loss, not the bounded history a session keeps.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit", abstract: "Train headless and print the result.",
        discussion: """
            The loss is MSE = (1/n)·Σ(x·w + b − y)² unless --loss names another scaling (the learning rate then \
            means what it means for that loss). Features are standardized for the iterative methods unless \
            --no-standardize; coefficients are always reported in the data's own units. --features is a list of \
            column names, or a count with --dataset synthetic. Exit status: 0 on a result, 1 on bad input, \
            3 when training diverged (the report still prints, with the largest stable learning rate).
            """)

    @OptionGroup var data: DataOptions
    @OptionGroup var training: TrainingOptions

    @Flag(help: "Print one JSON object on stdout.")
    var json = false

    @Flag(help: "Include the loss history ([step, loss] pairs) in the JSON output.")
    var history = false

    @Flag(help: ArgumentHelp(
        "Print the regularization path: the coefficients over 100 log-spaced penalties from alpha_max (all zero) down to 1e-3·alpha_max, largest first, warm-started (scikit-learn's alpha; α₁ = 2·alpha·R and α₂ = alpha·(1 − R) on MSE)."))
    var path = false

    @Option(name: .customLong("l1-ratio"), parsing: .unconditional, help: ArgumentHelp(
        "l1_ratio R of --path, in (0, 1] (1: the lasso).", valueName: "R"))
    var l1Ratio: Double = 1

    @Option(help: ArgumentHelp("Start from a teacher's preset (TOML); options given here override it.", valueName: "FILE"))
    var preset: String?

    @Option(help: ArgumentHelp("Reproduce a recorded session (from descent --record) headless.", valueName: "FILE"))
    var replay: String?

    @Option(help: ArgumentHelp(
        "Also write PREFIX-history.csv, PREFIX-weights.csv, PREFIX.json and the figures PREFIX-loss.svg, PREFIX-weights.svg, PREFIX-data.svg; for one input feature (with or without --poly) also PREFIX-fit.csv and PREFIX-fit.svg (atomically).",
        valueName: "PREFIX"))
    var export: String?

    @Option(help: ArgumentHelp(
        "Also write just the figures: PREFIX-loss.svg (loss, loss*), PREFIX-weights.svg (weights, w*), PREFIX-data.svg (predicted vs actual) and, for one input feature (with or without --poly), PREFIX-fit.svg (the points, the model's line or curve, the closed form dashed), atomically.",
        valueName: "PREFIX"))
    var plot: String?

    /// The data and training options, for telling which were typed.
    private static let setupOptions = DataOptions.optionNames + TrainingOptions.optionNames

    mutating func run() throws {
        if let problem = training.problem() { fail(problem) }
        let given = GivenOptions()
        if let replay {
            if let option = given.first(of: FitCommand.setupOptions + ["preset"]) ?? (data.file == nil ? nil : "file") {
                fail("--replay: the recording sets the data and training; do not also give \(option == "file" ? "a data file" : "--" + option)")
            }
            return try runReplay(replay)
        }
        var setup: SessionSetup
        var method = training.method
        var loadedPreset: Preset?
        do {
            if let preset {
                do { loadedPreset = try Preset.load(path: preset) } catch let error as PresetError { fail(error.description) }
                (setup, method) = try PresetOverrides(data: data, training: training, given: given).apply(to: loadedPreset!)
            } else {
                if let mismatch = training.scheduleMismatch(for: training.schedule) { fail(mismatch) }
                setup = SessionSetup(
                    data: try data.specification(), hyperparameters: training.hyperparameters, stop: training.stopCriteria,
                    randomInit: training.randomInit, initialWeights: training.initialWeights)
            }
        } catch let error as DataError {
            fail(error.description)
        } catch let error as ScheduleOptionError {
            fail(error.description)
        }
        if !(l1Ratio > 0 && l1Ratio <= 1) { fail("--l1-ratio: must be in (0, 1], got \(l1Ratio)") }
        if GivenOptions().contains("l1-ratio") && !path { fail("--l1-ratio: is for --path") }
        let loaded = load(setup.data)
        if let problem = setup.initialWeightsProblem(featureCount: loaded.train.featureCount) {
            fail(PresetOverrides.initialWeightsMessage(problem, preset: loadedPreset, given: given))
        }
        if path { return printPath(loaded, setup) }
        if method == .closedForm, export != nil { fail("--export: needs an iterative method (gd, sgd or minibatch)") }
        if method == .closedForm, plot != nil { fail("--plot: needs an iterative method (gd, sgd or minibatch)") }
        let report = method == .closedForm
            ? try solveClosedForm(
                loaded, setup.data, l2: setup.hyperparameters.l2, loss: setup.hyperparameters.loss, l1: setup.hyperparameters.l1)
            : train(loaded, setup)
        output(report)
    }

    /// The regularization path as a table (alpha, α₁, α₂, non-zeros, coefficients) or one JSON object.
    private func printPath(_ loaded: LoadedData, _ setup: SessionSetup) {
        let regularization = RegularizationPath(
            train: loaded.train, fitIntercept: setup.data.fitIntercept, standardized: setup.data.standardize,
            loss: setup.hyperparameters.loss, l1Ratio: l1Ratio)
        let names = loaded.train.featureNames
        let entry = regularization.entryOrder.map { names[$0] }
        if json {
            printJSON(PathReport(
                dataset: loaded.train.name, features: names, l1Ratio: l1Ratio, loss: setup.hyperparameters.loss,
                entryOrder: entry, path: regularization.points))
            return
        }
        print("regularization path on \(loaded.train.name), l1_ratio \(FitReport.format(l1Ratio)) (largest penalty first)")
        print("coefficients enter in the order: " + entry.joined(separator: ", "))
        let header = ["alpha", "l1", "l2", "nonzero"] + names
        func cell(_ text: String) -> String { text.count >= 11 ? text + " " : text + String(repeating: " ", count: 11 - text.count) }
        print(header.map(cell).joined())
        for point in regularization.points {
            let nonzero = point.weights.filter { $0 != 0 }.count
            let row = [point.alpha, point.l1, point.l2].map(FitReport.format) + ["\(nonzero)"]
                + point.weights.map { $0 == 0 ? "0" : FitReport.format($0) }
            print(row.map(cell).joined())
        }
    }

    /// Loads the data or exits with its one-line error; prints notices on stderr.
    private func load(_ specification: DataSpecification) -> LoadedData {
        let loaded: LoadedData
        do { loaded = try specification.load() } catch let error as DataError {
            fail(error.description)
        } catch {
            fail("\(error)")
        }
        for notice in loaded.notices { MessageLine.note(notice) }
        return loaded
    }

    private func output(_ report: FitReport) {
        if json {
            printJSON(report)
        } else {
            print(report.text)
        }
        // A diverged run is reported in full, but scripts must not mistake it for a result.
        if report.result.status == .diverged { Foundation.exit(3) }
    }

    /// Replays a recording through a TrainingRun: the same steps and bit-identical coefficients.
    private func runReplay(_ path: String) throws {
        let recording: SessionRecording
        do { recording = try SessionRecording.load(path: path) } catch let error as RecordingError {
            fail(error.description)
        }
        for notice in recording.notices { MessageLine.note(notice) }
        let loaded = load(recording.setup.data)
        var run: TrainingRun
        do { run = try recording.replay(on: loaded) } catch let error as RecordingError {
            fail(error.description)
        }
        let trajectory = ParameterTrajectory()
        writeExport(run, recording.setup, trajectory, loaded)
        output(report(&run, loaded, recording.setup, history: nil))
    }

    /// Writes the --export files and the --plot figures, or exits with a one-line error naming the file.
    private func writeExport(_ run: TrainingRun, _ setup: SessionSetup, _ trajectory: ParameterTrajectory, _ loaded: LoadedData) {
        guard export != nil || plot != nil else { return }
        let exported = RunExport(run: run, setup: setup, trajectory: trajectory)
        // loss* and w* on the figures: the closed form of the same problem (none if it cannot be solved).
        // The run's rows: a replayed recording may have edited the points.
        let closedForm = try? ClosedFormComparison.solve(
            train: run.train, test: loaded.test, fitIntercept: setup.data.fitIntercept, l2: run.hyperparameters.l2,
            standardized: run.standardized)
        let figures = RunFigures(export: exported, trainData: run.train, testData: loaded.test, closedForm: closedForm)
        if let export { write("--export") { try exported.write(prefix: export, alongside: figures.files(prefix: export)) } }
        if let plot { write("--plot") { try AtomicWrite.files(figures.files(prefix: plot)) } }
    }

    private func write(_ option: String, _ body: () throws -> Void) {
        do {
            try body()
        } catch let error as AtomicWrite.Failure {
            fail("\(option): \(error.description)")
        } catch {
            fail("\(option): \(error)")
        }
    }

    /// Prints `value` as one line of JSON (`JSONCoding`), or exits with a one-line error.
    private func printJSON<Value: Encodable>(_ value: Value) {
        do { print(try JSONCoding.line(value)) } catch { fail("--json: cannot encode the result (\(error))") }
    }

    /// Prints a one-line error on stderr and exits with status 1.

    private func train(_ loaded: LoadedData, _ setup: SessionSetup) -> FitReport {
        var run = setup.makeRun(loaded)
        var progress = ProgressBar()
        let total = setup.stop.steps
        var trajectory = ParameterTrajectory(capacity: ParameterTrajectory.capacity(features: loaded.train.featureCount))
        // Read the options once: a parsed option's getter is a generic lookup, too slow for every step.
        let keepsHistory = history, exports = export != nil
        func recordModel() {
            guard exports, trajectory.wants(step: run.step) else { return }
            let model = run.model
            trajectory.record(step: run.step, weights: model.weights, intercept: model.intercept)
        }
        recordModel()
        var lossHistory: [(step: Int, loss: Double)] = []
        func recordHistory() {
            guard keepsHistory, let step = run.latestTrainLossStep, let loss = run.latestTrainLoss else { return }
            if lossHistory.last?.step != step { lossHistory.append((step, loss)) }
        }
        while run.outcome == nil {
            run.takeStep()
            recordHistory()
            recordModel()
            if run.step & 255 == 0 { progress.update(done: run.step, total: total) }
        }
        progress.finish()
        run.refreshLosses()
        recordHistory()
        writeExport(run, setup, trajectory, loaded)
        return report(&run, loaded, setup, history: keepsHistory ? lossHistory : nil)
    }

    /// The report of a finished iterative run (its hyperparameters and scaling as they ended).
    private func report(
        _ run: inout TrainingRun, _ loaded: LoadedData, _ setup: SessionSetup, history: [(step: Int, loss: Double)]?
    ) -> FitReport {
        let h = run.hyperparameters
        var settings = "\(h.update.rawValue), lr \(FitReport.format(h.learningRate))"
        if h.method == .minibatch { settings += ", batch \(h.batchSize)" }
        if h.l2 > 0 { settings += ", L2 \(FitReport.format(h.l2))" }
        if h.l1 > 0 { settings += ", L1 \(FitReport.format(h.l1))" }
        if h.loss != .mse { settings += ", loss \(h.loss.rawValue)" }
        if h.schedule.kind != .constant { settings += ", schedule \(h.schedule.summary)" }
        settings += run.standardized ? ", standardized" : ", raw features"
        return FitReport(
            result: RunResult(run: &run), settings: settings, trainRows: run.train.rowCount,
            testRows: loaded.test?.rowCount, closedForm: nil, history: history)
    }

    private func solveClosedForm(
        _ loaded: LoadedData, _ specification: DataSpecification, l2: Double, loss: LossScaling, l1: Double
    ) throws -> FitReport {
        let solution: ClosedFormComparison
        do {
            solution = try ClosedFormComparison.solve(
                train: loaded.train, test: loaded.test, fitIntercept: specification.fitIntercept, l2: l2,
                standardized: specification.standardize, loss: loss, l1: l1)
        } catch {
            fail("closed form: \(error)")
        }
        func metrics(_ data: Dataset) -> RunResult.Metrics {
            let design = DesignMatrix(x: data.x, y: data.y, columnCount: data.featureCount)
            return RunResult.Metrics(RegressionMetrics(
                residualSumOfSquares: design.sumOfSquaredResiduals(parameters: solution.weights, intercept: solution.intercept ?? 0),
                rowCount: data.rowCount, totalSumOfSquares: RegressionMetrics.totalSumOfSquares(data.y)))
        }
        let result = RunResult(
            method: FitMethod.closedForm.rawValue, dataset: loaded.train.name, features: loaded.train.featureNames,
            coefficients: solution.weights, intercept: solution.intercept, train: metrics(loaded.train),
            test: loaded.test.map(metrics), steps: 0, epochs: 0, status: .solved, message: nil,
            largestStableLearningRate: solution.largestStableLearningRate, loss: loss,
            objective: l1 > 0 || l2 > 0 ? solution.trainLoss : nil, schedule: nil, finalLearningRate: nil)
        return FitReport(
            result: result,
            settings: [l2 > 0 ? "L2 \(FitReport.format(l2))" : nil, l1 > 0 ? "L1 \(FitReport.format(l1)), coordinate descent" : nil]
                .compactMap { $0 }.joined(separator: ", "),
            trainRows: loaded.train.rowCount, testRows: loaded.test?.rowCount,
            closedForm: .init(
                rank: solution.rank, singularValues: solution.singularValues, conditionNumber: solution.conditionNumber,
                residualStandardDeviation: solution.residualStandardDeviation,
                normalEquationRelativeDistance: solution.normalEquationRelativeDistance, warnings: solution.warnings),
            history: nil)
    }
}
