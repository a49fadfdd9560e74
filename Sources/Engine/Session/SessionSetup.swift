// Everything that fixes a run before its first step: data recipe, hyperparameters, stop criteria, start.

/// The starting point of a session or a headless run. A recording begins with it and a preset produces
/// one; the same setup and the same commands at the same steps give a bit-identical run.
public struct SessionSetup: Sendable, Equatable, Codable {
    public var data: DataSpecification
    public var hyperparameters: Hyperparameters
    public var stop: StopCriteria
    /// Start from small seeded random weights instead of zeros.
    public var randomInit: Bool
    /// Explicit starting weights in data units (each feature's, then the intercept), or nil; `--init w1,…,b`.
    public var initialWeights: [Double]?

    public init(
        data: DataSpecification = .init(), hyperparameters: Hyperparameters = .init(), stop: StopCriteria = .init(),
        randomInit: Bool = false, initialWeights: [Double]? = nil
    ) {
        self.initialWeights = initialWeights
        self.data = data
        self.hyperparameters = hyperparameters
        self.stop = stop
        self.randomInit = randomInit
    }

    /// A run on already loaded data (loaded from `data`), seeded by the data's seed.
    public func makeRun(_ loaded: LoadedData) -> TrainingRun {
        TrainingRun(
            train: loaded.train, test: loaded.test, hyperparameters: hyperparameters, fitIntercept: data.fitIntercept,
            standardize: data.standardize, seed: data.seed, randomInit: randomInit, stop: stop,
            initialWeights: initialWeights)
    }

    /// A threaded session on already loaded data, started exactly as `makeRun` starts a run.
    public func makeSession(_ loaded: LoadedData) -> TrainingSession {
        TrainingSession(
            train: loaded.train, test: loaded.test, hyperparameters: hyperparameters, fitIntercept: data.fitIntercept,
            standardize: data.standardize, seed: data.seed, randomInit: randomInit, stop: stop,
            initialWeights: initialWeights)
    }

    /// Why `initialWeights` cannot start a run on data with `featureCount` features, or nil when they can.
    public func initialWeightsProblem(featureCount: Int) -> String? {
        initialWeights.flatMap { Self.startingWeightsProblem($0, featureCount: featureCount) }
    }

    /// Why `weights` (each feature's weight, then the intercept) cannot start a run on `featureCount` features
    /// (`--init`, a preset's `training.init`, a recorded `startFrom`), or nil when they can.
    public static func startingWeightsProblem(_ weights: [Double], featureCount: Int) -> String? {
        let needed = featureCount + 1
        if weights.count != needed {
            return "needs \(needed) values (a weight for each of the \(featureCount) feature\(featureCount == 1 ? "" : "s"), then the intercept), got \(weights.count)"
        }
        if let bad = weights.first(where: { !$0.isFinite }) { return "every value must be finite, got \(bad)" }
        return nil
    }
}
