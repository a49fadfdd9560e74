// A training run on its own thread, driven by commands and read through snapshots.
import Foundation

/// Trains a linear model on a background thread. Every method may be called from any thread, at any time,
/// and returns at once: commands queue up and are applied between steps; reading a snapshot holds a lock
/// only long enough to copy it.
public final class TrainingSession: @unchecked Sendable {
    /// The training rows as the latest snapshot shows them (as loaded, or edited: `SessionCommand.editData`),
    /// in the data's own units.
    public var train: Dataset { mailbox.locked { mailbox.train } }
    /// The training rows as loaded (what undoing every edit returns to).
    public let loadedTrain: Dataset
    /// The held-out test rows, if any (never edited).
    public let test: Dataset?
    public let fitIntercept: Bool
    let mailbox: SessionMailbox
    /// Where work for the UI runs (landscape, predictions, exports, narration): off the training thread and off
    /// the caller's, so a frame loop only ever copies results.
    public let worker = SessionWorker()

    /// - Parameters:
    ///   - standardize: z-score the features for the iterative methods (coefficients are still reported in data units).
    ///   - seed: seeds shuffling and random initialisation; the same seed and commands give a bit-identical run.
    ///   - randomInit: start from small seeded random weights instead of zeros.
    public init(
        train: Dataset, test: Dataset? = nil, hyperparameters: Hyperparameters = .init(), fitIntercept: Bool = true,
        standardize: Bool = true, seed: UInt64 = 0, randomInit: Bool = false, stop: StopCriteria = .init(),
        initialWeights: [Double]? = nil
    ) {
        loadedTrain = train
        self.test = test
        self.fitIntercept = fitIntercept
        var run = TrainingRun(
            train: train, test: test, hyperparameters: hyperparameters, fitIntercept: fitIntercept,
            standardize: standardize, seed: seed, randomInit: randomInit, stop: stop, initialWeights: initialWeights)
        run.refreshLosses()
        let model = run.model
        mailbox = SessionMailbox(snapshot: TrainingSnapshot(
            weights: model.weights, intercept: model.intercept, trainLoss: run.latestTrainLoss ?? 0,
            testLoss: run.latestTestLoss, trainR2: run.latestTrainR2 ?? 0, testR2: run.latestTestR2,
            hyperparameters: hyperparameters, standardized: standardize, trainMSE: run.latestTrainMSE ?? 0,
            testMSE: run.latestTestMSE), train: train)
        let loop = SessionLoopBox(SessionLoop(run: run, mailbox: mailbox))
        let thread = Thread { loop.run() }
        thread.name = "descent.training"
        thread.start()
    }

    deinit { shutdown() }

    /// Queues `command`; the session's thread applies it between two steps, in the order sent. Every command
    /// goes through here (the named methods below are shorthands), so a caller holding a `SessionCommand` — a
    /// key's, a recording's — never switches over it again.
    public func send(_ command: SessionCommand) { mailbox.send(command) }

    /// Runs steps continuously on the session's thread until paused or stopped by a criterion or divergence.
    public func start() { send(.start) }
    /// Pauses after the current step.
    public func pause() { send(.pause) }
    /// Takes exactly one step (pausing first if running).
    public func step() { send(.step) }
    /// Back to the initial weights and step 0 with the same seed; keeps the hyperparameters.
    public func reset() { send(.reset) }
    /// Changes hyperparameters; applied before the next step, without a reset.
    public func setHyperparameters(_ hyperparameters: Hyperparameters) { send(.setHyperparameters(hyperparameters)) }
    /// Turns feature standardization on or off (takes effect from the current weights, in data units).
    public func setStandardized(_ on: Bool) { send(.setStandardized(on)) }
    /// Limits the pace to `stepsPerSecond` (nil: as fast as possible).
    public func setSpeed(stepsPerSecond: Double?) { send(.setSpeed(stepsPerSecond: stepsPerSecond)) }
    /// Starts computing the closed-form solution in the background; it appears in later snapshots. Only the
    /// answer to the latest request is kept: an earlier one still being solved is dropped when it arrives.
    public func requestClosedForm() { send(.requestClosedForm) }

    /// A copy of the current state. The closed form appears once computed, while it answers the latest request
    /// and the L2 penalty and the standardization it was computed for are still in force (its stable rate and κ
    /// depend on the scaling even where its coefficients do not), so no figure of another question is shown.
    public func snapshot() -> TrainingSnapshot {
        mailbox.locked {
            var snapshot = mailbox.snapshot
            if let closed = mailbox.closedForm, closed.generation == mailbox.closedFormGeneration,
                closed.l2 == snapshot.hyperparameters.l2, closed.loss == snapshot.hyperparameters.loss,
                closed.l1 == snapshot.hyperparameters.l1,
                closed.standardized == snapshot.standardized
            {
                switch closed.result {
                case .success(let comparison): snapshot.closedForm = comparison
                case .failure(let failure): snapshot.closedFormFailure = failure.description
                }
            }
            return snapshot
        }
    }

    /// A loss history reduced to at most `columns` buckets (min / max / last per bucket), in O(columns).
    public func lossCurve(_ series: LossSeries = .train, columns: Int) -> LossCurve {
        let (history, steps) = mailbox.locked {
            let history: LossHistory
            switch series {
            case .train: history = mailbox.trainHistory
            case .test: history = mailbox.testHistory
            case .rate: history = mailbox.rateHistory
            }
            return (history, mailbox.snapshot.step)
        }
        return history.curve(columns: columns, totalSteps: steps)
    }

    /// Every command applied so far, with the step at which it took effect (for recording sessions).
    public func appliedCommands() -> [AppliedCommand] {
        mailbox.locked { mailbox.log }
    }

    /// Calls `observer` with every command applied so far, then (on the session's thread) with each new batch as it is
    /// applied, in order, so a recorder can append them as they happen. One observer at a time.
    public func observeAppliedCommands(_ observer: @escaping @Sendable ([AppliedCommand]) -> Void) {
        mailbox.locked {
            // Under the lock: a batch published meanwhile is either in this log or goes to the observer after it.
            if !mailbox.log.isEmpty { observer(mailbox.log) }
            mailbox.logObserver = observer
        }
    }

    /// Blocks until every command sent so far has been applied and published (for tests and scripts).
    public func waitUntilIdle() {
        mailbox.condition.lock()
        defer { mailbox.condition.unlock() }
        while mailbox.publishedCount < mailbox.sentCount && !mailbox.finished {
            mailbox.condition.wait()
        }
    }

    /// Stops the thread for good; the session is unusable afterwards.
    public func shutdown() {
        worker.stop()
        mailbox.condition.lock()
        mailbox.shuttingDown = true
        mailbox.condition.broadcast()
        mailbox.condition.unlock()
    }
}

/// Hands the loop (a value with mutable state) to the thread that alone runs it.
final class SessionLoopBox: @unchecked Sendable {
    private var loop: SessionLoop
    init(_ loop: SessionLoop) { self.loop = loop }
    func run() { loop.loop() }
}
