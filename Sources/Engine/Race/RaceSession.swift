// Several methods trained side by side on the same data from the same start.

/// One `TrainingSession` per contestant, all on the same rows, seed, scaling and initial weights, driven
/// together. Each keeps its own snapshot and loss curve.
public final class RaceSession: Sendable {
    public let contestants: [RaceContestant]
    public let sessions: [TrainingSession]

    /// - Parameter contestants: nil: GD, SGD and mini-batch at rates suited to this data (see
    ///   `RaceContestant.standard`), plus `extras`.
    public init(
        train: Dataset, test: Dataset? = nil, fitIntercept: Bool = true, standardize: Bool = true, seed: UInt64 = 0,
        randomInit: Bool = false, stop: StopCriteria = .init(), contestants: [RaceContestant]? = nil,
        extras: [RaceContestant.Extra] = []
    ) {
        let chosen = contestants ?? {
            var probe = TrainingRun(train: train, fitIntercept: fitIntercept, standardize: standardize)
            return RaceContestant.standard(
                stableRate: probe.largestStableLearningRate(), extras: extras,
                targetScale: RaceContestant.targetScale(of: train, fitIntercept: fitIntercept))
        }()
        self.contestants = chosen
        sessions = chosen.map {
            TrainingSession(
                train: train, test: test, hyperparameters: $0.hyperparameters, fitIntercept: fitIntercept,
                standardize: standardize, seed: seed, randomInit: randomInit, stop: stop)
        }
    }

    deinit { shutdown() }

    /// Sends `command` to every contestant.
    public func send(_ command: SessionCommand) { sessions.forEach { $0.send(command) } }
    /// Sends `command` to one contestant (its own learning rate, say).
    public func send(_ command: SessionCommand, to index: Int) {
        guard sessions.indices.contains(index) else { return }
        sessions[index].send(command)
    }
    public func start() { sessions.forEach { $0.start() } }
    public func pause() { sessions.forEach { $0.pause() } }
    public func step() { sessions.forEach { $0.step() } }
    public func reset() { sessions.forEach { $0.reset() } }
    public func setStandardized(_ on: Bool) { sessions.forEach { $0.setStandardized(on) } }
    public func setSpeed(stepsPerSecond: Double?) { sessions.forEach { $0.setSpeed(stepsPerSecond: stepsPerSecond) } }

    /// Each contestant's state, in contestant order.
    public func snapshots() -> [TrainingSnapshot] { sessions.map { $0.snapshot() } }

    /// Each contestant's training-loss curve at `columns` buckets.
    public func lossCurves(columns: Int) -> [LossCurve] { sessions.map { $0.lossCurve(.train, columns: columns) } }

    public func waitUntilIdle() { sessions.forEach { $0.waitUntilIdle() } }
    public func shutdown() { sessions.forEach { $0.shutdown() } }
}
