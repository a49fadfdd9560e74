// The deterministic heart of training: one step at a time on the caller's thread, no clocks, no locks.
import MessageText
import Foundation

/// A training run stepped by its owner (the session's thread, or `fit` directly). Given the same data, seed
/// and the same calls at the same steps, it produces bit-identical parameters.
///
/// Loss bookkeeping: the history entry for step s is the training objective J (the chosen scaling of the squared
/// error, see `LossScaling`) of the weights after s steps. Full-batch
/// steps get it free from the fused pass (the loss of the weights before the update). SGD and mini-batch
/// evaluate the full training loss every step when n·d ≤ 2·10⁵, and otherwise every k steps with k chosen so
/// evaluation costs at most ~10% of the stepping (k = ⌈10·n / batch⌉). The test loss follows the same rule.
/// Between evaluations the steps keep a running average of the mini-batch losses they compute anyway
/// (`batchLossAverage`), and a step whose average runs far past the best loss has its full loss evaluated at
/// once: divergence is caught at the step, not thousands of steps later. The session adds full evaluations on a
/// time budget, so the loss it shows is never more than a fraction of a second old.
public struct TrainingRun: Sendable {
    /// The training rows in force: the data as loaded, or as edited since (`edit(_:)`).
    public private(set) var train: Dataset
    /// The training rows as loaded, what undoing every edit returns to.
    public let loadedTrain: Dataset
    /// Edits applied to the training rows so far (0: the data as loaded); never goes back, so a cache keyed
    /// on it knows the rows changed.
    public private(set) var dataVersion = 0
    /// The steps at which the training rows changed since the start or the last reset (the loss jumps there).
    public private(set) var dataEditSteps: [Int] = []
    public let test: Dataset?
    public let fitIntercept: Bool
    public let seed: UInt64
    public let randomInit: Bool
    /// Explicit starting weights in data units (the features' weights, then the intercept), or nil.
    public let initialWeights: [Double]?
    /// The start `start(from:)` chose (data units, as `initialWeights`), in force until the next `reset()`.
    public private(set) var chosenStart: [Double]?
    public var stop: StopCriteria
    public private(set) var hyperparameters: Hyperparameters
    public private(set) var standardized: Bool

    /// Steps taken since the start or the last reset.
    public private(set) var step = 0
    /// Rows visited since the start or the last reset (epochs = rowsSeen / n).
    public private(set) var rowsSeen = 0
    /// Set when the run stopped by itself (converged, max-steps, diverged); cleared by `resume()` and `reset()`.
    public private(set) var outcome: TrainingStatus?
    /// Why the run stopped, for people.
    public private(set) var message: String?
    public private(set) var trainHistory = LossHistory()
    public private(set) var testHistory = LossHistory()
    /// The scheduled rate at each step the training loss was recorded, while a schedule other than constant is on.
    public private(set) var rateHistory = LossHistory()
    /// Where the schedule in force was set: its s and e count from here.
    private var scheduleStart = (step: 0, rows: 0)
    /// The running average of the last `batchAverageWindow` mini-batch losses (each of the weights before its
    /// step); nil under full-batch GD, whose loss is exact at every step, and before the first batch.
    public private(set) var batchLossAverage: Double?

    private var rawScaling: FeatureScaling
    private var standardScaling: FeatureScaling
    private var design: DesignMatrix
    private var testDesign: DesignMatrix?
    private var stability: [Bool: StabilityBound] = [:]
    /// w (d entries) then b (always present; 0 and never updated without an intercept), in training units.
    private var parameters: [Double]
    private var gradient: [Double]
    private var updateState: UpdateState
    private var schedule: RowSchedule
    /// The objective J of the weights of `step`, and their MSE (for R²).
    private var trainLoss: (step: Int, value: Double, mse: Double)?
    private var testLoss: (step: Int, value: Double, mse: Double)?
    private var bestLoss = Double.infinity
    private var initialLoss: Double?
    /// ‖∇‖ of the full loss at the first evaluated weights: convergence needs the gradient well below it.
    private var initialGradientNorm: Double?
    /// Batches in `batchLossAverage` (up to the window).
    private var batchLossCount = 0
    /// A batch average above this was already checked with a full evaluation and found in bounds.
    private var checkedBatchAverage = 0.0
    /// The loss stopped changing before this step but the gradient was not small: the next look is due here.
    private var nextGradientCheck = 0
    /// The last parameters whose loss was evaluated and passed the divergence test, with that loss.
    private var lastGood: (parameters: [Double], loss: Double, mse: Double)?
    /// The step whose weights `lastGood` holds.
    private var lastGoodStep = 0
    /// Losses of steps from this one on can stop the run by the tolerance; nil: the test is waived (the user
    /// ran on past convergence). A reset re-arms it from step 0, a new setting from the next step.
    private var toleranceArmedFrom: Int? = 0
    private var trainTotalSumOfSquares: Double
    private let testTotalSumOfSquares: Double

    /// Evaluations costing at most this many multiply-adds run every step.
    static let cheapEvaluation = 200_000
    /// Rows of the next mini-batch fetched into cache during a step: a whole batch of the usual sizes.
    static let batchLookahead = 64
    /// Loss above this multiple of the best loss so far counts as divergence.
    static let divergenceFactor = 1e6
    /// Mini-batch losses in the running average.
    static let batchAverageWindow = 100
    /// Converged means the gradient fell to at most this fraction of its start (besides a loss that stopped changing).
    static let convergedGradientRatio = 1e-3
    /// A rate at least this fraction of its rule's bound counts as at the bound.
    static let atBoundFraction = 0.99

    public init(
        train: Dataset, test: Dataset? = nil, hyperparameters: Hyperparameters = .init(), fitIntercept: Bool = true,
        standardize: Bool = true, seed: UInt64 = 0, randomInit: Bool = false, stop: StopCriteria = .init(),
        initialWeights: [Double]? = nil
    ) {
        precondition(train.rowCount >= 1 && train.featureCount >= 1, "training data needs rows and features")
        precondition(initialWeights.map { $0.count == train.featureCount + 1 } ?? true, "initial weights: one a feature, then the intercept")
        self.initialWeights = initialWeights
        self.train = train
        loadedTrain = train
        self.test = test
        self.fitIntercept = fitIntercept
        self.seed = seed
        self.randomInit = randomInit
        self.stop = stop
        self.hyperparameters = hyperparameters
        self.standardized = standardize
        rawScaling = .identity(train.featureCount)
        standardScaling = FeatureScaling(standardizing: train, centred: fitIntercept)
        let scaling = standardize ? standardScaling : rawScaling
        design = TrainingRun.design(train, scaling)
        testDesign = test.map { TrainingRun.design($0, scaling) }
        let d = train.featureCount
        parameters = []
        gradient = .init(repeating: 0, count: d + 1)
        updateState = UpdateState(count: d + 1)
        schedule = RowSchedule(rowCount: train.rowCount, seed: seed)
        trainTotalSumOfSquares = RegressionMetrics.totalSumOfSquares(train.y)
        testTotalSumOfSquares = test.map { RegressionMetrics.totalSumOfSquares($0.y) } ?? 0
        parameters = initialParameters()
    }

    /// The data's own rows, read through `scaling` by the passes: no copy of X, so switching scaling is instant.
    private static func design(_ data: Dataset, _ scaling: FeatureScaling) -> DesignMatrix {
        DesignMatrix(x: data.x, y: data.y, columnCount: data.featureCount, scaling: scaling)
    }

    private var scaling: FeatureScaling { standardized ? standardScaling : rawScaling }
    private var featureCount: Int { train.featureCount }
    private var intercept: Double { fitIntercept ? parameters[featureCount] : 0 }

    private func initialParameters() -> [Double] {
        var values = [Double](repeating: 0, count: featureCount + 1)
        if let initialWeights = chosenStart ?? initialWeights {
            // Given in data units: the same point expressed in the units the steps are taken in.
            let d = featureCount
            let scaled = scaling.toScaledUnits(weights: Array(initialWeights[0..<d]), intercept: fitIntercept ? initialWeights[d] : 0)
            return scaled.weights + [fitIntercept ? scaled.intercept : 0]
        }
        if randomInit {
            var random = SeededGenerator(seed: seed ^ 0x1A17_1A17_1A17_1A17)
            for j in values.indices { values[j] = 0.2 * random.nextUnit() - 0.1 }
            if !fitIntercept { values[featureCount] = 0 }
        }
        return values
    }

    // MARK: Reading

    /// Fractional epochs: rows visited ÷ training rows.
    public var epoch: Double { Double(rowsSeen) / Double(train.rowCount) }

    /// The model in the data's own units (intercept nil without one).
    public var model: (weights: [Double], intercept: Double?) {
        let w = Array(parameters[0..<featureCount])
        let converted = scaling.toDataUnits(weights: w, intercept: intercept)
        return (converted.weights, fitIntercept ? converted.intercept : nil)
    }

    /// The most recently evaluated training objective J (of the current weights after `refreshLosses()`).
    public var latestTrainLoss: Double? { trainLoss?.value }
    public var latestTestLoss: Double? { testLoss?.value }
    /// The step whose weights `latestTrainLoss` belongs to.
    public var latestTrainLossStep: Int? { trainLoss?.step }

    /// R² matching `latestTrainLoss` / `latestTestLoss`.
    public var latestTrainR2: Double? {
        trainLoss.map { r2(mse: $0.mse, rows: train.rowCount, total: trainTotalSumOfSquares) }
    }
    public var latestTestR2: Double? {
        guard let test, let testLoss else { return nil }
        return r2(mse: testLoss.mse, rows: test.rowCount, total: testTotalSumOfSquares)
    }

    /// The training and test MSE of the weights `latestTrainLoss` / `latestTestLoss` belong to.
    public var latestTrainMSE: Double? { trainLoss?.mse }
    public var latestTestMSE: Double? { testLoss?.mse }

    private func r2(mse: Double, rows: Int, total: Double) -> Double {
        RegressionMetrics(residualSumOfSquares: mse * Double(rows), rowCount: rows, totalSumOfSquares: total).rSquared
    }

    /// 2/λmax of the objective's Hessian (its loss scaling, with the L2 penalty) on the design GD runs on now.
    public mutating func largestStableLearningRate() -> Double {
        if stability[standardized] == nil {
            stability[standardized] = StabilityBound(design: design, fitIntercept: fitIntercept)
        }
        return stability[standardized]!.largestStableLearningRate(l2: hyperparameters.l2, loss: hyperparameters.loss)
    }

    /// The bound of the update rule in use, from 2/λmax (see `Hyperparameters.stability(fullBatchBound:)`).
    public mutating func updateRuleStability() -> UpdateRuleStability {
        hyperparameters.stability(fullBatchBound: largestStableLearningRate())
    }

    /// κ of the design GD runs on now (scaled when standardized, with the L2 penalty); nil if it cannot be computed.
    public mutating func conditionNumber() -> Double? {
        if stability[standardized] == nil {
            stability[standardized] = StabilityBound(design: design, fitIntercept: fitIntercept)
        }
        return stability[standardized]!.conditionNumber(l2: hyperparameters.l2, loss: hyperparameters.loss)
    }

    /// Exact metrics of the current weights on the training rows.
    public func trainMetrics() -> RegressionMetrics {
        RegressionMetrics(
            residualSumOfSquares: design.sumOfSquaredResiduals(parameters: parameters, intercept: intercept),
            rowCount: train.rowCount, totalSumOfSquares: trainTotalSumOfSquares)
    }

    /// Exact metrics of the current weights on the test rows (nil without a test set).
    public func testMetrics() -> RegressionMetrics? {
        guard let testDesign else { return nil }
        return RegressionMetrics(
            residualSumOfSquares: testDesign.sumOfSquaredResiduals(parameters: parameters, intercept: intercept),
            rowCount: testDesign.rowCount, totalSumOfSquares: testTotalSumOfSquares)
    }

    /// The rate the next step takes: η₀ (`learningRate`) through the schedule.
    public var currentLearningRate: Double {
        let h = hyperparameters
        guard h.schedule.kind != .constant else { return h.learningRate }
        return h.schedule.rate(
            base: h.learningRate, steps: step - scheduleStart.step,
            epochs: Double(rowsSeen - scheduleStart.rows) / Double(train.rowCount))
    }

    // MARK: Commands

    /// Changes hyperparameters from the next step on; velocity and moments restart when the rule changes.
    /// A change is a new experiment: the tolerance test applies again from the next step's loss.
    public mutating func setHyperparameters(_ new: Hyperparameters) {
        if new.update != hyperparameters.update { updateState.clear() }
        if new != hyperparameters {
            toleranceArmedFrom = step + 1
            nextGradientCheck = 0
        }
        if new.schedule != hyperparameters.schedule { scheduleStart = (step, rowsSeen) }
        if new.loss != hyperparameters.loss {
            // J changes by a constant factor: the divergence and convergence tests start over in the new units (the UI resets).
            bestLoss = .infinity
            initialLoss = nil
            initialGradientNorm = nil
            batchLossAverage = nil
            batchLossCount = 0
            checkedBatchAverage = 0
        }
        hyperparameters = new
    }

    /// Switches feature scaling, keeping the model (the same predictions), restarting velocity and moments
    /// and re-arming the tolerance test from the next step.
    public mutating func setStandardized(_ on: Bool) {
        guard on != standardized else { return }
        let from = scaling, to = on ? standardScaling : rawScaling
        parameters = convert(parameters, from: from, to: to)
        if let good = lastGood { lastGood = (convert(good.parameters, from: from, to: to), good.loss, good.mse) }
        standardized = on
        design = TrainingRun.design(train, scaling)
        testDesign = test.map { TrainingRun.design($0, scaling) }
        updateState.clear()
        toleranceArmedFrom = step + 1
    }

    /// The same model expressed for another feature scaling.
    private func convert(_ values: [Double], from: FeatureScaling, to: FeatureScaling) -> [Double] {
        let d = featureCount
        let b = fitIntercept ? values[d] : 0
        let inData = from.toDataUnits(weights: Array(values[0..<d]), intercept: b)
        let inNew = to.toScaledUnits(weights: inData.weights, intercept: inData.intercept)
        return inNew.weights + [fitIntercept ? inNew.intercept : 0]
    }

    /// Back to the configured start (zero, seeded random or `initialWeights`), step 0 and the seeded row order;
    /// keeps hyperparameters and scaling. A start chosen with `start(from:)` is forgotten.
    public mutating func reset() {
        chosenStart = nil
        restart()
    }

    /// Whether `weights` (data units: each feature's weight, then the intercept) can start this run.
    public func canStart(from weights: [Double]) -> Bool {
        weights.count == featureCount + 1 && weights.allSatisfy(\.isFinite)
            && scaling.toScaledUnits(weights: Array(weights[0..<featureCount]), intercept: weights[featureCount]).weights
                .allSatisfy(\.isFinite)
    }

    /// Step 0 from `weights` in data units (the intercept entry is ignored without one), as a reset would from
    /// the configured start; `reset()` goes back to that. Returns false, changing nothing, when they cannot start
    /// it (`canStart(from:)`).
    @discardableResult
    public mutating func start(from weights: [Double]) -> Bool {
        guard canStart(from: weights) else { return false }
        chosenStart = fitIntercept ? weights : Array(weights[0..<featureCount]) + [0]
        restart()
        return true
    }

    /// Step 0 from the start in force, with the seeded row order and fresh histories.
    private mutating func restart() {
        parameters = initialParameters()
        updateState.clear()
        schedule = RowSchedule(rowCount: train.rowCount, seed: seed)
        step = 0
        rowsSeen = 0
        outcome = nil
        message = nil
        trainHistory = LossHistory()
        testHistory = LossHistory()
        rateHistory = LossHistory()
        scheduleStart = (0, 0)
        forgetLosses()
        lastGood = nil
        toleranceArmedFrom = 0
        dataEditSteps = []
    }

    /// Forgets the losses measured so far and what the divergence and convergence tests derived from them.
    private mutating func forgetLosses() {
        trainLoss = nil
        testLoss = nil
        bestLoss = .infinity
        initialLoss = nil
        initialGradientNorm = nil
        batchLossAverage = nil
        batchLossCount = 0
        checkedBatchAverage = 0
        nextGradientCheck = 0
    }

    /// Applies `edit` to the training rows between two steps, or says why not (the run is then unchanged).
    /// The model is kept in data units (the same line through the new points); the standardization, the
    /// design, the stability bound, κ and the row order are those of the new rows; velocity and moments
    /// restart (they were in the old scaled units); the divergence and convergence tests start over from the
    /// new loss, which is evaluated at once and marked in `dataEditSteps`.
    @discardableResult
    public mutating func edit(_ edit: DataEdit) -> DataEditRefusal? {
        if case .undoAll = edit, dataVersion == 0 || train.x == loadedTrain.x && train.y == loadedTrain.y {
            return DataEditRefusal("no edits to undo: the points are as loaded")
        }
        switch train.applying(edit, original: loadedTrain, fitIntercept: fitIntercept) {
        case .failure(let refusal): return refusal
        case .success(let edited): replaceTrainingRows(with: edited)
        }
        return nil
    }

    private mutating func replaceTrainingRows(with edited: Dataset) {
        let from = scaling
        train = edited
        rawScaling = .identity(edited.featureCount)
        standardScaling = FeatureScaling(standardizing: edited, centred: fitIntercept)
        let to = scaling
        parameters = convert(parameters, from: from, to: to)
        lastGood = lastGood.map { (convert($0.parameters, from: from, to: to), $0.loss, $0.mse) }
        design = TrainingRun.design(train, to)
        testDesign = test.map { TrainingRun.design($0, to) }
        stability = [:]
        trainTotalSumOfSquares = RegressionMetrics.totalSumOfSquares(train.y)
        dataVersion += 1
        // A new row count needs a new order; seeded by the edit count, so a replay draws the same rows.
        schedule = RowSchedule(rowCount: train.rowCount, seed: seed &+ UInt64(dataVersion) &* 0x9E37_79B9_7F4A_7C15)
        updateState.clear()
        forgetLosses()
        toleranceArmedFrom = step + 1
        if dataEditSteps.last != step { dataEditSteps.append(step) }
        if dataEditSteps.count > TrainingRun.dataEditMarks { dataEditSteps.removeFirst() }
        refreshLosses()
    }

    /// The loss chart marks at most this many data changes (the latest).
    static let dataEditMarks = 256

    /// Lets a run that stopped itself take steps again. Step and epoch limits still apply; after `.converged`
    /// the tolerance test is waived until `reset()` or a new setting, so the run really goes on (unless a
    /// setting changed since it converged: that experiment has not converged yet).
    public mutating func resume() {
        if outcome == .converged, let armed = toleranceArmedFrom, step >= armed { toleranceArmedFrom = nil }
        outcome = nil
        message = nil
    }

    /// Evaluates the losses of the current weights if they are not known yet (e.g. on pause).
    public mutating func refreshLosses() {
        if trainLoss?.step != step {
            _ = recordTrainLoss(sumOfSquares: design.sumOfSquaredResiduals(parameters: parameters, intercept: intercept))
        }
        if let testDesign, testLoss?.step != step {
            recordTestLoss(sumOfSquares: testDesign.sumOfSquaredResiduals(parameters: parameters, intercept: intercept))
        }
    }

    // MARK: Stepping

    /// Takes one step unless the run has stopped itself; returns false when it did not step.
    @discardableResult
    public mutating func takeStep() -> Bool {
        guard outcome == nil else { return false }
        let n = train.rowCount, d = featureCount
        let h = hyperparameters
        let batch: Int
        switch h.method {
        case .gd: batch = n
        case .sgd: batch = 1
        case .minibatch: batch = min(max(h.batchSize, 1), n)
        }
        let rowsUsed: Int
        if batch >= n {
            // Full batch: one fused pass gives the loss of the current weights and the gradient.
            let sse = design.residualPass(parameters: parameters, intercept: intercept, gradient: &gradient)
            if trainLoss?.step != step {
                guard recordTrainLoss(sumOfSquares: sse) else { return false }
            }
            rowsUsed = n
        } else {
            if trainLoss?.step != step, step % evaluationInterval(rows: n, batch: batch) == 0 {
                let sse = design.sumOfSquaredResiduals(parameters: parameters, intercept: intercept)
                guard recordTrainLoss(sumOfSquares: sse) else { return false }
            }
            let rows = schedule.nextBatchPositions(size: batch)
            // Drawn rows are scattered through memory: fetch the next step's rows during this one (for SGD, the
            // row three steps on, so a few are always on their way).
            let ahead = batch == 1
                ? schedule.upcomingPositions(skip: 3, count: 1)
                : schedule.upcomingPositions(skip: 0, count: min(batch, TrainingRun.batchLookahead))
            let sse = design.residualPass(
                parameters: parameters, intercept: intercept, order: schedule.epochOrder, batch: rows, lookahead: ahead,
                gradient: &gradient)
            rowsUsed = rows.count
            // In J's units, so it compares with the full objective: k(n)·(the batch's MSE) + the penalties.
            let batchMSE = sse / Double(rowsUsed)
            noteBatchLoss(h.loss == .mse && h.l2 == 0 && h.l1 == 0
                ? batchMSE : h.loss.multipleOfMSE(rows: n) * batchMSE + penalty)
        }
        if let testDesign, testLoss?.step != step, step % evaluationInterval(rows: testDesign.rowCount, batch: batch) == 0 {
            recordTestLoss(sumOfSquares: testDesign.sumOfSquaredResiduals(parameters: parameters, intercept: intercept))
        }

        let scale = h.loss.gradientScale(rows: rowsUsed)
        for j in 0...d { gradient[j] *= scale }
        if h.l2 != 0 { for j in 0..<d { gradient[j] += 2 * h.l2 * parameters[j] } }
        let eta = h.schedule.kind == .constant ? h.learningRate : currentLearningRate
        updateState.apply(
            h.update, gradient: gradient, to: &parameters, updated: fitIntercept ? d + 1 : d,
            learningRate: eta, momentum: h.momentum)
        // L1: the proximal step of η·α₁‖w‖₁ after the update, soft-thresholding each weight (never b).
        if h.l1 != 0 { TrainingRun.softThreshold(&parameters, count: d, by: eta * h.l1) }
        step += 1
        rowsSeen += rowsUsed

        if !TrainingRun.allFinite(parameters) {
            diverge(because: "the weights became non-finite at step \(step)")
            return true
        }
        // The batch losses say the weights are running away: the full loss of the new weights decides, now.
        if batch < n, let average = batchLossAverage, !(average <= max(checkedBatchAverage, divergenceThreshold)) {
            let sse = design.sumOfSquaredResiduals(parameters: parameters, intercept: intercept)
            guard recordTrainLoss(sumOfSquares: sse) else { return true }
            checkedBatchAverage = 2 * average
        }
        if let limit = stop.steps, step >= limit {
            finish(.maxSteps, "reached the step limit (\(limit))")
        } else if let limit = stop.epochs, epoch >= limit {
            finish(.maxSteps, "reached the epoch limit (\(limit))")
        }
        return true
    }

    /// w_j ← sign(w_j)·max(|w_j| − t, 0) for the first `count` values: the proximal map of t‖w‖₁.
    static func softThreshold(_ values: inout [Double], count: Int, by t: Double) {
        for j in 0..<count {
            let v = values[j]
            values[j] = v > t ? v - t : (v < -t ? v + t : 0)
        }
    }

    /// α₂‖w‖² + α₁‖w‖₁ of the current weights (in the units GD runs on).
    private var penalty: Double {
        let h = hyperparameters
        guard h.l2 != 0 || h.l1 != 0 else { return 0 }
        var squares = 0.0, absolutes = 0.0
        for j in 0..<featureCount {
            squares += parameters[j] * parameters[j]
            absolutes += abs(parameters[j])
        }
        return h.l2 * squares + h.l1 * absolutes
    }

    /// Whether every value is finite (a plain loop: this runs every step).
    private static func allFinite(_ values: [Double]) -> Bool {
        for value in values where !value.isFinite { return false }
        return true
    }

    /// Steps between full evaluations on `rows` rows: every step when cheap, else ≤ ~10% of the stepping cost.
    private func evaluationInterval(rows: Int, batch: Int) -> Int {
        let cost = rows * featureCount
        if cost <= TrainingRun.cheapEvaluation { return 1 }
        return max(1, (10 * rows + batch - 1) / batch)
    }

    /// Adds one mini-batch's loss (in J's units) to the running average (the last `batchAverageWindow` batches, evenly at first).
    private mutating func noteBatchLoss(_ mse: Double) {
        batchLossCount = min(batchLossCount + 1, TrainingRun.batchAverageWindow)
        let previous = batchLossAverage ?? 0
        batchLossAverage = mse.isFinite && previous.isFinite ? previous + (mse - previous) / Double(batchLossCount) : mse
    }

    /// A loss above this counts as divergence. The floor keeps round-off wobble near an exact fit (best ≈ 0) out.
    private var divergenceThreshold: Double {
        TrainingRun.divergenceFactor * max(bestLoss, 1e-12 * (initialLoss ?? 0), Double.leastNormalMagnitude)
    }

    /// ‖∇J‖ of the full objective GD minimises (its loss scaling, with the L2 penalty) at the current weights: one
    /// pass over the rows. With L1, ∂J is a set at a zero weight; its smallest element is used (0 at the optimum):
    /// g + α₁·sign(w) off zero, and g shrunk towards 0 by α₁ at zero.
    private func fullGradientNorm() -> Double {
        let d = featureCount
        let h = hyperparameters
        var sums = [Double](repeating: 0, count: d + 1)
        _ = design.residualPass(parameters: parameters, intercept: intercept, gradient: &sums)
        let scale = h.loss.gradientScale(rows: train.rowCount)
        var total = 0.0
        for j in 0..<(fitIntercept ? d + 1 : d) {
            var g = scale * sums[j]
            if j < d {
                g += 2 * h.l2 * parameters[j]
                if h.l1 != 0 {
                    let w = parameters[j]
                    g = w > 0 ? g + h.l1 : w < 0 ? g - h.l1 : (g > h.l1 ? g - h.l1 : g < -h.l1 ? g + h.l1 : 0)
                }
            }
            total += g * g
        }
        return total.squareRoot()
    }

    /// Records the training loss of the current weights; checks divergence and convergence. Returns false
    /// when the run stopped itself because of it.
    private mutating func recordTrainLoss(sumOfSquares sse: Double) -> Bool {
        let n = train.rowCount
        let mse = sse / Double(n)
        let data = hyperparameters.loss == .mse ? mse : hyperparameters.loss.value(sumOfSquares: sse, rows: n)
        // The full objective J = data term + α₂‖w‖² + α₁‖w‖₁ (just the data term without a penalty).
        let h = hyperparameters
        let value = h.l2 == 0 && h.l1 == 0 ? data : data + penalty
        return recordTrainObjective(value, mse: mse)
    }

    /// Records J (with its MSE); the divergence and tolerance tests read J.
    private mutating func recordTrainObjective(_ value: Double, mse: Double) -> Bool {
        let previous = trainLoss
        if !value.isFinite {
            diverge(because: "the training loss became non-finite at step \(step)")
            return false
        }
        if initialLoss == nil {
            initialLoss = value
            initialGradientNorm = fullGradientNorm()
        }
        trainHistory.append(step: step, loss: value)
        if hyperparameters.schedule.kind != .constant { rateHistory.append(step: step, loss: currentLearningRate) }
        if value > divergenceThreshold {
            diverge(because: "the training loss grew to \(NumberText.inMessage(value)) at step \(step), over a million times its best \(NumberText.inMessage(bestLoss))")
            return false
        }
        trainLoss = (step, value, mse)
        bestLoss = min(bestLoss, value)
        lastGood = (parameters, value, mse)
        lastGoodStep = step
        if stop.tolerance > 0, let armed = toleranceArmedFrom, step >= armed, let previous, previous.step < step {
            let change = abs(previous.value - value) / max(abs(previous.value), Double.leastNormalMagnitude)
            if change < stop.tolerance, step >= nextGradientCheck {
                return settleStoppedLoss(value)
            }
        }
        return true
    }

    /// The objective J stopped changing: converged only if it fell and the gradient is small next to its start. A rate at
    /// its rule's bound bounces at equal loss (oscillating). Otherwise the run goes on, looking again later.
    private mutating func settleStoppedLoss(_ value: Double) -> Bool {
        let gradient = fullGradientNorm()
        let start = initialGradientNorm ?? gradient
        if gradient <= TrainingRun.convergedGradientRatio * start, value <= (initialLoss ?? value) {
            finish(.converged, "the relative change of the loss fell below \(stop.tolerance) at step \(step)")
            return false
        }
        if hyperparameters.method == .gd, case .bound(let rate, let formula) = updateRuleStability(),
            currentLearningRate >= TrainingRun.atBoundFraction * rate
        {
            let share = start > 0 ? " (\(NumberText.inMessage(100 * gradient / start))% of its start)" : ""
            finish(.oscillating, "the loss stopped changing at step \(step) but the gradient did not shrink\(share): "
                + "lr \(NumberText.inMessage(currentLearningRate)) is at the stability bound \(formula) = "
                + "\(NumberText.inMessage(rate)), so the weights bounce between two points of equal loss; lower the rate")
            return false
        }
        nextGradientCheck = step + max(1, step / 2)
        return true
    }

    /// The test curve is J's data term on the test rows (no penalty: it measures fit, not the objective).
    private mutating func recordTestLoss(sumOfSquares sse: Double) {
        let rows = testDesign?.rowCount ?? 1
        let mse = sse / Double(rows)
        let value = hyperparameters.loss == .mse ? mse : hyperparameters.loss.value(sumOfSquares: sse, rows: rows)
        guard value.isFinite else { return }
        testLoss = (step, value, mse)
        testHistory.append(step: step, loss: value)
    }

    private mutating func finish(_ status: TrainingStatus, _ why: String) {
        outcome = status
        message = why
    }

    /// Stops with `diverged`, restoring the last weights whose loss was finite and in bounds.
    private mutating func diverge(because why: String) {
        let bound = largestStableLearningRate()
        // The report shows the kept weights, so the message says whose they are (their loss differs from the runaway one).
        let kept: String
        if let good = lastGood {
            parameters = good.parameters
            trainLoss = (step, good.loss, good.mse)
            kept = "kept the weights of step \(lastGoodStep) (loss \(NumberText.inMessage(good.loss)))"
        } else {
            parameters = initialParameters()
            trainLoss = nil
            kept = "restored the initial weights"
        }
        testLoss = nil
        batchLossAverage = nil
        batchLossCount = 0
        updateState.clear()
        let rate = NumberText.inMessage(currentLearningRate)
        let h = hyperparameters
        let limit: String
        let over: Bool
        switch h.stability(fullBatchBound: bound) {
        case .bound where bound == 0:
            // λmax beyond the largest double (raw features near 1e308): no positive rate is stable; say so, not "0.0".
            limit = "the largest stable rate for full-batch GD here is below the smallest number (λmax overflows on these raw values: standardize the features)"
            over = true
        case .bound(let ruleRate, let formula):
            let rule = h.update == .plain ? "" : " with \(h.update.rawValue)"
            let guide = h.method == .gd ? "" : " (the full-batch bound: a guide for \(h.method.rawValue), not a guarantee)"
            limit = "the largest stable rate for full-batch GD\(rule) here is \(formula) = \(NumberText.inMessage(ruleRate))\(guide)"
            over = currentLearningRate > ruleRate
        case .noFixedBound:
            limit = "Adam has no fixed bound (its steps are about lr in size); the largest stable rate for plain GD here is 2/λmax = \(NumberText.inMessage(bound))"
            over = false
        }
        let overshoot = over ? ", so each step overshoots the valley's steepest direction" : ""
        finish(.diverged, "\(why) with learning rate \(rate); \(limit)\(overshoot); \(kept)")
    }
}

/// Read access for same-module views of a run that must see it as GD does (narration, the loss landscape).
extension TrainingRun {
    /// w then b (0 without an intercept), in the units GD runs on.
    var trainingParameters: [Double] { parameters }
    /// The rows GD runs on now (read through the scaling when standardized).
    var trainingDesign: DesignMatrix { design }
    /// The row order the next SGD or mini-batch step draws from.
    var rowSchedule: RowSchedule { schedule }
    /// The velocity and Adam moments the next update starts from.
    var currentUpdateState: UpdateState { updateState }
}
