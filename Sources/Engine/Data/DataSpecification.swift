// Everything needed to rebuild a run's data: source, columns, expansion, split, scaling.
import CSVReader

/// A recipe for the training and test data, shared by `fit`, the UI and recorded sessions.
public struct DataSpecification: Sendable, Equatable, Codable {
    /// Where the rows come from.
    public enum Source: Sendable, Equatable, Codable {
        case csv(path: String)
        case builtin(BuiltinDataset)
    }

    public var source: Source
    /// Size, noise and conditioning for `line` and `synthetic`.
    public var synthetic: SyntheticParameters
    /// Target column (nil: the last column; built-in data sets know their own).
    public var target: String?
    /// Feature columns (nil: every other numeric column).
    public var features: [String]?
    /// Each feature expanded to its powers 1…degree (1: no expansion).
    public var polynomialDegree: Int
    /// Fraction of rows held out for testing (0: no test set).
    public var testFraction: Double
    /// Seeds the generated data and the split.
    public var seed: UInt64
    public var fitIntercept: Bool
    /// z-score the features for the iterative methods.
    public var standardize: Bool

    public init(
        source: Source = .builtin(.line), synthetic: SyntheticParameters = .init(), target: String? = nil,
        features: [String]? = nil, polynomialDegree: Int = 1, testFraction: Double = 0, seed: UInt64 = 0,
        fitIntercept: Bool = true, standardize: Bool = true
    ) {
        self.source = source
        self.synthetic = synthetic
        self.target = target
        self.features = features
        self.polynomialDegree = polynomialDegree
        self.testFraction = testFraction
        self.seed = seed
        self.fitIntercept = fitIntercept
        self.standardize = standardize
    }

    /// Loads, selects, expands and splits the data. Throws `DataError` with a one-line message on bad input.
    /// `progress`, if given, counts a CSV file's bytes and rows as they are read (for a loading line).
    public func load(progress: LoadProgress? = nil) throws -> LoadedData {
        try validate()
        var notices: [String] = []
        var dataset: Dataset
        switch source {
        case .csv(let path):
            let table: CSVTable
            do { table = try CSVTable.read(path: path, progress: progress?.csv) } catch let error as CSVError { throw DataError.csv(error) }
            (dataset, notices) = try Dataset.fromCSV(table, target: target, features: features)
        case .builtin(let builtin):
            dataset = try builtin.make(synthetic, seed: seed, progress: progress)
            if target != nil || features != nil {
                let columns = dataset.featureNames + [dataset.targetName]
                let chosenTarget = target ?? dataset.targetName
                let place = DataError.Position(file: dataset.name)
                guard columns.contains(chosenTarget) else {
                    throw DataError.unknownColumn(place, option: "--target", name: chosenTarget, available: columns)
                }
                for name in features ?? [] where !columns.contains(name) {
                    throw DataError.unknownColumn(place, option: "--features", name: name, available: columns)
                }
                dataset = try dataset.reselected(target: chosenTarget, features: features)
            }
        }
        try Self.checkMagnitudes(dataset)
        let features = dataset.featureCount * polynomialDegree
        if let tooBig = MemoryBudget.problem(bytes: MemoryBudget.trainingBytes(rows: dataset.rowCount, features: features)) {
            throw DataError.tooLarge(.init(file: dataset.name), reason: "\(MemoryBudget.shape(rows: dataset.rowCount, features: features)) \(tooBig)")
        }
        dataset = dataset.polynomial(degree: polynomialDegree)
        let (train, test) = try dataset.split(testFraction: testFraction, seed: seed)
        return LoadedData(train: train, test: test, notices: notices)
    }

    /// Refuses a column whose values are all below 1e-300 in magnitude (and not all zero): its statistics underflow,
    /// its inverse scale overflows and its coefficient may not be representable. (Huge values, up to the largest
    /// double, are fine: standardization and the solvers scale per column.)
    static func checkMagnitudes(_ dataset: Dataset) throws {
        let n = dataset.rowCount, d = dataset.featureCount
        func check(_ largest: Double, _ name: String) throws {
            if largest > 0 && largest < 1e-300 { throw DataError.tooSmall(.init(file: dataset.name), column: name, largest: largest) }
        }
        var largest = [Double](repeating: 0, count: d)
        dataset.x.withUnsafeBufferPointer { x in
            for i in 0..<n { for j in 0..<d { largest[j] = max(largest[j], abs(x[i * d + j])) } }
        }
        for j in 0..<d { try check(largest[j], dataset.featureNames[j]) }
        try check(dataset.y.reduce(0) { max($0, abs($1)) }, dataset.targetName)
    }

    private func validate() throws {
        if let problem = problem() { throw DataError.invalidOption(option: problem.option, reason: problem.reason) }
    }
}

extension Dataset {
    /// The same rows with another choice of target and features among the current columns.
    func reselected(target: String, features: [String]?) throws -> Dataset {
        let columns = featureNames + [targetName]
        let n = rowCount, k = featureCount
        func column(_ name: String) -> [Double] {
            let c = columns.firstIndex(of: name)!
            return c == k ? y : (0..<n).map { x[$0 * k + c] }
        }
        let chosen = features ?? columns.filter { $0 != target }
        if chosen.contains(target) {
            throw DataError.invalidOption(option: "--features", reason: "'\(target)' is the target; it cannot also be a feature")
        }
        if chosen.isEmpty { throw DataError.noFeatures(.init(file: name)) }
        let values = chosen.map(column)
        var newX = HugePageArray.zeros(count: n * chosen.count)
        for (j, v) in values.enumerated() { for i in 0..<n { newX[i * chosen.count + j] = v[i] } }
        return Dataset(name: name, featureNames: chosen, targetName: target, x: newX, y: column(target))
    }
}
