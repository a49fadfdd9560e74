// `descent fit`: Train headless and print the result.
import ArgumentParser
import Engine
import Foundation

/// Loads data, trains (or solves) on the main thread and prints a table or one JSON object. Training runs
/// a `TrainingRun` directly rather than a threaded session: nothing else needs the thread, and `--history`
/// wants every evaluated loss, not the bounded history a session keeps.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit", abstract: "Train headless and print the result.",
        discussion: """
            The loss is MSE = (1/n)·Σ(x·w + b − y)². Features are standardized for the iterative methods unless \
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

    mutating func run() throws {
        if let problem = training.problem() { fail(problem) }
        let loaded: LoadedData
        let specification: DataSpecification
        do {
            specification = try data.specification()
            loaded = try specification.load()
        } catch let error as DataError {
            fail(error.description)
        }
        for notice in loaded.notices { FileHandle.standardError.write(Data("note: \(notice)\n".utf8)) }

        let report = training.method == .closedForm
            ? try solveClosedForm(loaded, specification)
            : train(loaded, specification)
        if json {
            print(report.json.text)
        } else {
            print(report.text)
        }
        // A diverged run is reported in full, but scripts must not mistake it for a result.
        if report.status == .diverged { Foundation.exit(3) }
    }

    /// Prints a one-line error on stderr and exits with status 1.
    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("descent: \(message)\n".utf8))
        Foundation.exit(1)
    }

    private func train(_ loaded: LoadedData, _ specification: DataSpecification) -> FitReport {
        var run = TrainingRun(
            train: loaded.train, test: loaded.test, hyperparameters: training.hyperparameters,
            fitIntercept: specification.fitIntercept, standardize: specification.standardize, seed: specification.seed,
            randomInit: training.initialization == .random, stop: training.stopCriteria)
        let stableRate = run.largestStableLearningRate()
        var progress = ProgressBar()
        let total = training.stopCriteria.steps
        var lossHistory: [(step: Int, loss: Double)] = []
        func recordHistory() {
            guard history, let step = run.latestTrainLossStep, let loss = run.latestTrainLoss else { return }
            if lossHistory.last?.step != step { lossHistory.append((step, loss)) }
        }
        while run.outcome == nil {
            run.takeStep()
            recordHistory()
            if run.step & 255 == 0 { progress.update(done: run.step, total: total) }
        }
        progress.finish()
        run.refreshLosses()
        recordHistory()
        let model = run.model
        let h = training.hyperparameters
        var settings = "\(h.update.rawValue), lr \(FitReport.format(h.learningRate))"
        if h.method == .minibatch { settings += ", batch \(h.batchSize)" }
        if h.l2 > 0 { settings += ", L2 \(FitReport.format(h.l2))" }
        settings += specification.standardize ? ", standardized" : ", raw features"
        return FitReport(
            method: training.method.rawValue, settings: settings, dataset: loaded.train.name,
            trainRows: loaded.train.rowCount, testRows: loaded.test?.rowCount, features: loaded.train.featureNames,
            coefficients: model.weights, intercept: model.intercept, train: run.trainMetrics(), test: run.testMetrics(),
            steps: run.step, epochs: run.epoch, status: run.outcome ?? .maxSteps, message: run.message,
            largestStableLearningRate: stableRate, closedForm: nil, history: history ? lossHistory : nil)
    }

    private func solveClosedForm(_ loaded: LoadedData, _ specification: DataSpecification) throws -> FitReport {
        let solution: ClosedFormComparison
        do {
            solution = try ClosedFormComparison.solve(
                train: loaded.train, test: loaded.test, fitIntercept: specification.fitIntercept, l2: training.l2,
                standardized: specification.standardize)
        } catch {
            fail("closed form: \(error)")
        }
        func metrics(_ data: Dataset) -> RegressionMetrics {
            let design = DesignMatrix(x: data.x, y: data.y, columnCount: data.featureCount)
            return RegressionMetrics(
                residualSumOfSquares: design.sumOfSquaredResiduals(parameters: solution.weights, intercept: solution.intercept ?? 0),
                rowCount: data.rowCount, totalSumOfSquares: RegressionMetrics.totalSumOfSquares(data.y))
        }
        return FitReport(
            method: FitMethod.closedForm.rawValue, settings: training.l2 > 0 ? "L2 \(FitReport.format(training.l2))" : "",
            dataset: loaded.train.name, trainRows: loaded.train.rowCount, testRows: loaded.test?.rowCount,
            features: loaded.train.featureNames, coefficients: solution.weights, intercept: solution.intercept,
            train: metrics(loaded.train), test: loaded.test.map(metrics), steps: 0, epochs: 0, status: .solved,
            message: nil, largestStableLearningRate: solution.largestStableLearningRate,
            closedForm: .init(
                rank: solution.rank, singularValues: solution.singularValues, conditionNumber: solution.conditionNumber,
                residualStandardDeviation: solution.residualStandardDeviation,
                normalEquationRelativeDistance: solution.normalEquationRelativeDistance, warnings: solution.warnings),
            history: nil)
    }
}
