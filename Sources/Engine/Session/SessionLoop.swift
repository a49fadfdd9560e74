// The training thread's loop: apply commands, take steps at the chosen pace, publish snapshots.
import Foundation

/// Owns the `TrainingRun`; only the session's thread touches it. Talks to callers through the mailbox.
struct SessionLoop {
    private var run: TrainingRun
    private let mailbox: SessionMailbox
    private var status: TrainingStatus = .ready
    private var running = false
    private var speed: Double?
    /// Pacing for a speed limit: steps taken since `paceStart`.
    private var paceStart = 0.0
    private var paceSteps = 0
    /// Steps per burst between looks at the mailbox, tuned to ~5 ms.
    private var burst = 1
    private var rateWindowStart = 0.0
    private var rateWindowSteps = 0
    private var stepsPerSecond = 0.0
    /// The stable rate and κ for the design GD runs on, computed once per (L2 penalty, scaling).
    private var designFigures: (l2: Double, loss: LossScaling, standardized: Bool, data: Int, stableRate: Double, condition: Double?)?
    /// Why the last data edit was refused (nil after one that was applied).
    private var dataEditRefusal: String?
    /// The data version last handed to the mailbox (the rows are copied there only when they changed).
    private var publishedDataVersion = 0
    private var trajectory: ParameterTrajectory
    private var pauseAtStep: Int?
    /// When the full loss of the weights in hand was last known, and what the last evaluation cost.
    private var fullLossTime = 0.0
    private var fullLossCost = 0.0
    /// When the session started: applied commands carry their time since then (a replay's pace).
    private let startTime = SessionLoop.now()

    /// While running, the full loss is evaluated at least this often (seconds), and at most ~10% of the time.
    static let fullLossInterval = 0.25

    init(run: TrainingRun, mailbox: SessionMailbox) {
        self.run = run
        self.mailbox = mailbox
        trajectory = ParameterTrajectory(capacity: ParameterTrajectory.capacity(features: run.train.featureCount))
    }

    static func now() -> Double { ProcessInfo.processInfo.systemUptime }

    mutating func loop() {
        recordTrajectory()
        publish()
        while true {
            mailbox.condition.lock()
            while mailbox.pending.isEmpty && !running && !mailbox.shuttingDown {
                mailbox.condition.wait()
            }
            if running, let speed, mailbox.pending.isEmpty, !mailbox.shuttingDown {
                let due = paceStart + Double(paceSteps + 1) / speed
                if SessionLoop.now() < due {
                    _ = mailbox.condition.wait(until: Date(timeIntervalSinceNow: due - SessionLoop.now()))
                    mailbox.condition.unlock()
                    continue
                }
            }
            let commands = mailbox.pending
            mailbox.pending.removeAll()
            // The closed-form requests among `commands` are the last ones sent: the final one is the newest.
            let closedFormGeneration = mailbox.closedFormGeneration
            pauseAtStep = mailbox.pauseAtStep
            let stop = mailbox.shuttingDown
            mailbox.condition.unlock()
            if stop { break }

            // Commands meet a run whose own stop at this step is settled: a burst may or may not have
            // evaluated this step's loss yet, so evaluate it now. A replay does the same at every command.
            if running && !commands.isEmpty {
                run.refreshLosses()
                if run.outcome != nil { settle(default: .paused) }
            }
            var applied: [AppliedCommand] = []
            let lastRequest = commands.lastIndex(of: .requestClosedForm)
            for (index, command) in commands.enumerated() {
                applied.append(AppliedCommand(step: run.step, command: command, time: SessionLoop.now() - startTime))
                // Of several requests in one batch only the last is solved: the earlier answers would be dropped.
                if command == .requestClosedForm {
                    if index == lastRequest { startClosedForm(generation: closedFormGeneration) }
                } else {
                    apply(command)
                }
            }
            if running { runBurst() }
            publish(applied)
        }
        mailbox.locked {
            mailbox.finished = true
            mailbox.condition.broadcast()
        }
    }

    private mutating func apply(_ command: SessionCommand) {
        switch command {
        case .start:
            run.resume()
            running = true
            status = .running
            restartPacing()
            fullLossTime = SessionLoop.now()
        case .pause:
            if running { halt(.paused) }
        case .step:
            run.resume()
            running = false
            if run.takeStep() { stepsPerSecond = 0 }
            recordTrajectory()
            settle(default: .paused)
        case .reset:
            run.reset()
            restarted()
        case .startFrom(let weights):
            if run.start(from: weights) { restarted() }
        case .setHyperparameters(let h):
            run.setHyperparameters(h)
        case .setStandardized(let on):
            run.setStandardized(on)
        case .setSpeed(let stepsPerSecond):
            speed = stepsPerSecond.flatMap { $0 > 0 && $0.isFinite ? $0 : nil }
            restartPacing()
        case .requestClosedForm:
            break  // solved by `loop()`, which knows the request's generation
        case .editData(let change):
            if let refusal = run.edit(change) {
                dataEditRefusal = refusal.description
                return
            }
            dataEditRefusal = nil
            // A closed form shown or asked for answers the old rows: ask again, for the new ones.
            let generation: Int? = mailbox.locked {
                guard mailbox.closedFormGeneration > 0 else { return nil }
                mailbox.closedFormGeneration += 1
                return mailbox.closedFormGeneration
            }
            if let generation { startClosedForm(generation: generation) }
        }
    }

    /// After the run went back to step 0 (a reset, a chosen start): ready, its loss known, the path begun anew.
    private mutating func restarted() {
        running = false
        status = .ready
        run.refreshLosses()
        trajectory.clear()
        recordTrajectory()
    }

    private mutating func restartPacing() {
        paceStart = SessionLoop.now()
        paceSteps = 0
        rateWindowStart = paceStart
        rateWindowSteps = 0
    }

    /// Runs steps for about 5 ms (or as many as the speed limit allows now).
    private mutating func runBurst() {
        let start = SessionLoop.now()
        var allowed = burst
        if let speed {
            allowed = max(0, min(burst, Int((start - paceStart) * speed) - paceSteps))
        }
        if let target = pauseAtStep, target > run.step { allowed = min(allowed, target - run.step) }
        var taken = 0
        while taken < allowed {
            guard run.takeStep() else { break }
            recordTrajectory()
            taken += 1
            if run.outcome != nil { break }
        }
        paceSteps += taken
        rateWindowSteps += taken
        let end = SessionLoop.now()
        if speed == nil {
            let elapsed = end - start
            if elapsed < 0.0025 { burst = min(burst * 2, 1 << 20) } else if elapsed > 0.01 { burst = max(1, burst / 2) }
        } else {
            burst = 1 << 20
        }
        if end - rateWindowStart >= 0.25 {
            stepsPerSecond = Double(rateWindowSteps) / (end - rateWindowStart)
            rateWindowStart = end
            rateWindowSteps = 0
        }
        refreshStaleLoss(now: end)
        if run.outcome != nil {
            settle(default: .paused)
        } else if taken > 0, run.step == pauseAtStep {
            halt(.paused)
        }
    }

    /// Evaluates the full loss of the current weights when the last one is older than the time budget allows
    /// (large data evaluates it only every ⌈10·n/batch⌉ steps by itself): what the screen shows stays fresh.
    private mutating func refreshStaleLoss(now: Double) {
        guard run.outcome == nil else { return }
        // Full-batch GD's loss is the one its last step computed (of the weights before it): fresh enough.
        if let evaluated = run.latestTrainLossStep, run.step - evaluated <= 1 {
            fullLossTime = now
            return
        }
        guard now - fullLossTime >= max(SessionLoop.fullLossInterval, 10 * fullLossCost) else { return }
        run.refreshLosses()
        let after = SessionLoop.now()
        fullLossCost = after - now
        fullLossTime = after
    }

    /// Stops running with `status`, making the reported losses those of the current weights. When that loss
    /// stops the run by itself (it settled, or diverged), the status says so.
    private mutating func halt(_ newStatus: TrainingStatus) {
        running = false
        stepsPerSecond = 0
        run.refreshLosses()
        status = run.outcome ?? newStatus
    }

    /// After a step: the run's own outcome if it stopped itself, else `fallback`.
    private mutating func settle(default fallback: TrainingStatus) {
        halt(run.outcome ?? fallback)
    }

    private mutating func gradientDescentFigures() -> (stableRate: Double, condition: Double?) {
        let key = (run.hyperparameters.l2, run.hyperparameters.loss, run.standardized, run.dataVersion)
        if let cached = designFigures, cached.l2 == key.0, cached.loss == key.1, cached.standardized == key.2,
            cached.data == key.3
        {
            return (cached.stableRate, cached.condition)
        }
        let figures = (stableRate: run.largestStableLearningRate(), condition: run.conditionNumber())
        designFigures = (key.0, key.1, key.2, key.3, figures.stableRate, figures.condition)
        return figures
    }

    /// Keeps the current model in the trajectory when its step is due (a modulo test on most steps).
    private mutating func recordTrajectory() {
        guard trajectory.wants(step: run.step) else { return }
        let model = run.model
        trajectory.record(step: run.step, weights: model.weights, intercept: model.intercept)
    }

    private mutating func publish(_ applied: [AppliedCommand] = []) {
        let model = run.model
        let figures = gradientDescentFigures()
        let snapshot = TrainingSnapshot(
            step: run.step, epoch: run.epoch, weights: model.weights, intercept: model.intercept,
            trainLoss: run.latestTrainLoss ?? 0, trainLossStep: run.latestTrainLossStep ?? run.step,
            batchLossAverage: run.batchLossAverage, testLoss: run.latestTestLoss, trainR2: run.latestTrainR2 ?? 0,
            testR2: run.latestTestR2, stepsPerSecond: running ? stepsPerSecond : 0, status: status,
            message: run.message, hyperparameters: run.hyperparameters, standardized: run.standardized,
            largestStableLearningRate: figures.stableRate, conditionNumber: figures.condition,
            trainMSE: run.latestTrainMSE ?? 0, testMSE: run.latestTestMSE, currentLearningRate: run.currentLearningRate,
            dataVersion: run.dataVersion, dataEditSteps: run.dataEditSteps, dataEditRefusal: dataEditRefusal)
        let editedRows: Dataset? = run.dataVersion != publishedDataVersion ? run.train : nil
        publishedDataVersion = run.dataVersion
        let trainHistory = run.trainHistory, testHistory = run.testHistory, rateHistory = run.rateHistory
        let trajectory = self.trajectory, pausedRun = running ? nil : run
        mailbox.locked {
            mailbox.trajectory = trajectory
            if let editedRows { mailbox.train = editedRows }
            mailbox.pausedRun = pausedRun
            mailbox.snapshot = snapshot
            mailbox.trainHistory = trainHistory
            mailbox.testHistory = testHistory
            mailbox.rateHistory = rateHistory
            mailbox.log.append(contentsOf: applied)
            mailbox.publishedCount += applied.count
            // In the lock, so an observer (a recorder queueing its lines) has them before waitUntilIdle returns.
            if !applied.isEmpty { mailbox.logObserver?(applied) }
            if !applied.isEmpty { mailbox.condition.broadcast() }
        }
    }

    /// Solves the closed form on another thread; the result is merged into snapshots when it arrives, unless
    /// a newer request (`generation` is this one's) was sent meanwhile: then it answers a question no longer
    /// asked (after `z`, say, for the other scaling) and is dropped, whichever thread finishes last.
    private func startClosedForm(generation: Int) {
        let train = run.train, test = run.test, intercept = run.fitIntercept
        let l2 = run.hyperparameters.l2, loss = run.hyperparameters.loss, standardized = run.standardized
        let l1 = run.hyperparameters.l1
        let mailbox = self.mailbox
        let solve = mailbox.locked { mailbox.closedFormSolver }
        let thread = Thread {
            let result: Result<ClosedFormComparison, ClosedFormFailure>
            do {
                result = .success(try solve(train, test, intercept, l2, standardized, loss, l1))
            } catch {
                result = .failure(ClosedFormFailure(description: "closed form: \(error)"))
            }
            mailbox.locked {
                mailbox.closedFormAnswers += 1
                guard mailbox.closedFormGeneration == generation else { return }
                mailbox.closedForm = (generation, l2, loss, l1, standardized, result)
            }
        }
        thread.name = "descent.closed-form"
        thread.start()
    }
}
