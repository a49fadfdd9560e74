// Everything that fixes a run before its first step: data recipe, hyperparameters, stop criteria, start.

/// The starting point of a session or a headless run. A recording begins with it and a preset produces
/// one; the same setup and the same commands at the same steps give a bit-identical run.
public struct SessionSetup: Sendable, Equatable, Codable {
    public var data: DataSpecification
    public var hyperparameters: Hyperparameters
    public var stop: StopCriteria
    /// Start from small seeded random weights instead of zeros.
    public var randomInit: Bool

    public init(
        data: DataSpecification = .init(), hyperparameters: Hyperparameters = .init(), stop: StopCriteria = .init(),
        randomInit: Bool = false
    ) {
        self.data = data
        self.hyperparameters = hyperparameters
        self.stop = stop
        self.randomInit = randomInit
    }

    /// A run on already loaded data (loaded from `data`), seeded by the data's seed.
    public func makeRun(_ loaded: LoadedData) -> TrainingRun {
        TrainingRun(
            train: loaded.train, test: loaded.test, hyperparameters: hyperparameters, fitIntercept: data.fitIntercept,
            standardize: data.standardize, seed: data.seed, randomInit: randomInit, stop: stop)
    }

    /// A threaded session on already loaded data, started exactly as `makeRun` starts a run.
    public func makeSession(_ loaded: LoadedData) -> TrainingSession {
        TrainingSession(
            train: loaded.train, test: loaded.test, hyperparameters: hyperparameters, fitIntercept: data.fitIntercept,
            standardize: data.standardize, seed: data.seed, randomInit: randomInit, stop: stop)
    }
}
