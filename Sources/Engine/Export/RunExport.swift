// A run written out for spreadsheets and notebooks: loss history, weights over time, settings and results.
import Foundation

/// What `e` in the UI and `descent fit --export PREFIX` write: PREFIX-history.csv (step, train_loss,
/// test_loss), PREFIX-weights.csv (step, one column per feature, intercept; thinned to at most ~1000 rows)
/// and PREFIX.json (the `RunResult` fields `fit --json` prints for the same run, then the setup and the row
/// counts); for a model of one input (one feature, or its powers with `--poly`) also PREFIX-fit.csv, the
/// fitted line or curve sampled across the data (x, model, and closed_form when known), so a handout can plot it; when points were edited, PREFIX-data.csv, the training
/// rows as edited (a header, then the input and target: `descent PREFIX-data.csv` trains on them again). All are written atomically, in one group with any files
/// given alongside (the SVG figures that the Figures module draws of the same run).
public struct RunExport: Sendable {
    /// One row of the loss history; `test` is nil where the test loss was not evaluated at that step.
    public struct HistoryRow: Sendable, Equatable {
        public var step: Int
        public var train: Double
        public var test: Double?
    }

    public var setup: SessionSetup
    /// Hyperparameters and scaling in force at the end (they may have changed during the run).
    public var hyperparameters: Hyperparameters
    public var standardized: Bool
    public var target: String
    public var trainRows: Int
    public var testRows: Int?
    public var history: [HistoryRow]
    public var weights: [ParameterTrajectory.Point]
    /// How the run ended, in data units: the fields `fit --json` prints for the same run.
    public var result: RunResult
    /// The fitted line or curve of a one-input model, nil with several inputs.
    public var fitCurve: FitCurve?
    /// The training rows when points were edited during the run (written as PREFIX-data.csv), else nil.
    public var editedData: Dataset?

    public var dataset: String { result.dataset }
    public var featureNames: [String] { result.features }
    public var largestStableLearningRate: Double { result.largestStableLearningRate }

    /// The model (and the closed form, when known) sampled across the input's range.
    public struct FitCurve: Sendable, Equatable {
        public var inputName: String
        public var model: ModelCurve
        public var closedForm: ModelCurve?

        /// `samples` points from the smallest to the largest input of the train and test rows; nil when the data
        /// has several inputs or no finite input.
        public init?(
            train: Dataset, test: Dataset?, weights: [Double], intercept: Double?, closedForm: ClosedFormComparison?,
            samples: Int = RunExport.fitSamples
        ) {
            guard let input = train.fitInput, let name = train.fitInputName else { return nil }
            var low = Double.infinity, high = -Double.infinity
            for values in [input, test?.fitInput ?? []] {
                for v in values where v.isFinite {
                    low = min(low, v)
                    high = max(high, v)
                }
            }
            guard low <= high else { return nil }
            inputName = name
            model = ModelCurve(weights: weights, intercept: intercept, from: low, to: high, count: samples)
            self.closedForm = closedForm.map {
                ModelCurve(weights: $0.weights, intercept: $0.intercept, from: low, to: high, count: samples)
            }
        }
    }

    /// History buckets read per series (the histories keep at most this many at full resolution).
    static let historyColumns = 4096
    static let weightRows = 1000
    /// Samples of the fitted curve: smooth enough for a degree-9 polynomial on a printed page.
    public static let fitSamples = 201

    /// From a headless run, with the path its models took.
    public init(run: TrainingRun, setup: SessionSetup, trajectory: ParameterTrajectory) {
        var run = run
        self.setup = setup
        hyperparameters = run.hyperparameters
        standardized = run.standardized
        target = run.train.targetName
        trainRows = run.train.rowCount
        testRows = run.test?.rowCount
        history = RunExport.join(
            run.trainHistory.curve(columns: RunExport.historyColumns, totalSteps: run.step),
            run.testHistory.curve(columns: RunExport.historyColumns, totalSteps: run.step))
        weights = trajectory.decimated(maxPoints: RunExport.weightRows)
        result = RunResult(run: &run)
        fitCurve = FitCurve(
            train: run.train, test: run.test, weights: result.coefficients, intercept: result.intercept, closedForm: nil)
        editedData = run.dataVersion > 0 ? run.train : nil
    }

    /// From a live session, as it stands now (it keeps running).
    public init(session: TrainingSession, setup: SessionSetup) {
        let snapshot = session.snapshot()
        let train = session.train
        self.setup = setup
        hyperparameters = snapshot.hyperparameters
        standardized = snapshot.standardized
        target = train.targetName
        trainRows = train.rowCount
        testRows = session.test?.rowCount
        history = RunExport.join(
            session.lossCurve(.train, columns: RunExport.historyColumns),
            session.lossCurve(.test, columns: RunExport.historyColumns))
        weights = session.parameterTrajectory().decimated(maxPoints: RunExport.weightRows)
        result = RunResult(snapshot: snapshot, dataset: train.name, features: train.featureNames)
        editedData = snapshot.dataVersion > 0 ? train : nil
        fitCurve = FitCurve(
            train: train, test: session.test, weights: snapshot.weights, intercept: snapshot.intercept,
            closedForm: snapshot.closedForm)
    }

    /// Train and test buckets joined on their last step (each bucket's last value).
    static func join(_ train: LossCurve, _ test: LossCurve) -> [HistoryRow] {
        var testByStep: [Int: Double] = [:]
        for bucket in test.buckets { testByStep[bucket.lastStep] = bucket.last }
        return train.buckets.map { HistoryRow(step: $0.lastStep, train: $0.last, test: testByStep[$0.lastStep]) }
    }

    /// `descent-export-YYYYMMDD-HHMMSS` (UTC) in `directory`: a prefix that does not clash between presses.
    public static func timestampedPrefix(_ date: Date = Date(), directory: String = ".") -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let name = "descent-export-" + formatter.string(from: date)
        return directory == "." ? name : URL(fileURLWithPath: directory).appendingPathComponent(name).path
    }

    /// The edited training rows' file for `prefix` (written only when points were edited).
    public static func dataPath(prefix: String) -> String { prefix + "-data.csv" }

    /// The fitted curve's file for `prefix` (written only for a one-input model).
    public static func fitCurvePath(prefix: String) -> String { prefix + "-fit.csv" }

    /// The three files' paths for `prefix`.
    public static func paths(prefix: String) -> (history: String, weights: String, summary: String) {
        (prefix + "-history.csv", prefix + "-weights.csv", prefix + ".json")
    }

    /// Writes the three files, and `alongside` in the same atomic group (the figures); throws
    /// `AtomicWrite.Failure` (one line naming the file) and leaves no partial file.
    @discardableResult
    public func write(prefix: String, alongside extra: [(path: String, contents: Data)] = []) throws -> [String] {
        let paths = RunExport.paths(prefix: prefix)
        let summary: Data
        do { summary = try summaryJSON() } catch {
            throw AtomicWrite.Failure(description: "\(paths.summary): cannot encode (\(error))")
        }
        var files: [(path: String, contents: Data)] = [
            (paths.history, Data(historyCSV().utf8)), (paths.weights, Data(weightsCSV().utf8)), (paths.summary, summary),
        ]
        if let curve = fitCurveCSV() { files.append((RunExport.fitCurvePath(prefix: prefix), Data(curve.utf8))) }
        if let editedData { files.append((RunExport.dataPath(prefix: prefix), Data(editedData.csvText().utf8))) }
        try AtomicWrite.files(files + extra)
        return files.map(\.0) + extra.map(\.path)
    }

    /// step,train_loss,test_loss; an empty cell where a loss is unknown. Numbers round-trip exactly.
    public func historyCSV() -> String {
        var text = "step,train_loss,test_loss\n"
        for row in history {
            text += "\(row.step),\(RunExport.cell(row.train)),\(row.test.map(RunExport.cell) ?? "")\n"
        }
        return text
    }

    /// step, one column per feature, then intercept (when fitted); weights in data units.
    public func weightsCSV() -> String {
        let hasIntercept = setup.data.fitIntercept
        var text = (["step"] + featureNames.map(RunExport.csvField) + (hasIntercept ? ["intercept"] : []))
            .joined(separator: ",") + "\n"
        for point in weights {
            var cells = ["\(point.step)"] + point.weights.map(RunExport.cell)
            if hasIntercept { cells.append(point.intercept.map(RunExport.cell) ?? "") }
            text += cells.joined(separator: ",") + "\n"
        }
        return text
    }

    /// INPUT,model[,closed_form]: the fitted line or curve at `fitSamples` inputs; nil with several inputs.
    public func fitCurveCSV() -> String? {
        guard let curve = fitCurve else { return nil }
        let reference = curve.closedForm
        var text = ([RunExport.csvField(curve.inputName), "model"] + (reference == nil ? [] : ["closed_form"]))
            .joined(separator: ",") + "\n"
        for (k, x) in curve.model.xs.enumerated() {
            var cells = [RunExport.cell(x), RunExport.cell(curve.model.ys[k])]
            if let reference { cells.append(RunExport.cell(reference.ys[k])) }
            text += cells.joined(separator: ",") + "\n"
        }
        return text
    }

    /// PREFIX.json: every field of `RunResult` (as `fit --json` names them), then the setup and the sizes.
    private struct Summary: Encodable {
        var result: RunResult
        var setup: SessionSetup
        var hyperparametersAtEnd: Hyperparameters
        var standardizedAtEnd: Bool
        var target: String
        var trainRows: Int
        var testRows: Int?

        enum CodingKeys: String, CodingKey {
            case setup, target
            case hyperparametersAtEnd = "hyperparameters_at_end", standardizedAtEnd = "standardized_at_end"
            case trainRows = "train_rows", testRows = "test_rows"
        }

        func encode(to encoder: any Encoder) throws {
            try result.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(setup, forKey: .setup)
            try c.encode(hyperparametersAtEnd, forKey: .hyperparametersAtEnd)
            try c.encode(standardizedAtEnd, forKey: .standardizedAtEnd)
            try c.encode(target, forKey: .target)
            try c.encode(trainRows, forKey: .trainRows)
            try c.encode(testRows, forKey: .testRows)
        }
    }

    /// The settings and results as pretty JSON (`JSONCoding`: non-finite numbers as "inf", "-inf", "nan").
    public func summaryJSON() throws -> Data {
        try JSONCoding.encoder(pretty: true).encode(Summary(
            result: result, setup: setup, hyperparametersAtEnd: hyperparameters, standardizedAtEnd: standardized,
            target: target, trainRows: trainRows, testRows: testRows))
    }

    /// A number as the shortest text that reads back to the same Double ("inf", "nan" when not finite).
    static func cell(_ value: Double) -> String {
        guard !value.isFinite else { return "\(value)" }
        return value.isNaN ? JSONCoding.notANumber : (value > 0 ? JSONCoding.positiveInfinity : JSONCoding.negativeInfinity)
    }

    /// A header name, quoted when it holds a comma, quote or newline.
    static func csvField(_ name: String) -> String {
        guard name.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return name }
        return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
