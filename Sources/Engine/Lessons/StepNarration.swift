// The next training step spelled out with its real numbers: batch, residuals, gradient, η, old and new weights.

/// One update as a learner would compute it by hand, in the units GD runs on (z-scores when standardized).
/// Parameter vectors are w followed by b (b is 0 and never updated without an intercept).
public struct StepNarration: Sendable, Equatable {
    /// A row of the batch with its residual r = x·w + b − y.
    public struct Row: Sendable, Equatable {
        public var index: Int
        public var prediction: Double
        public var target: Double
        public var residual: Double
    }

    /// Steps taken before this one: the narrated step is number `step + 1`.
    public var step: Int
    public var hyperparameters: Hyperparameters
    public var standardized: Bool
    public var fitIntercept: Bool
    /// Feature names, then "b".
    public var parameterNames: [String]
    /// Every row index of the batch, in the order used.
    public var batch: [Int]
    /// The first few rows of the batch with their residuals.
    public var rows: [Row]
    /// η of this step (η₀ through the schedule).
    public var learningRate: Double = 0
    /// ∇ of the loss (with the L2 term) at the old parameters: d weights then b.
    public var gradient: [Double]
    public var oldParameters: [Double]
    public var newParameters: [Double]
    /// The same two models in the data's own units.
    public var oldModel: (weights: [Double], intercept: Double?)
    public var newModel: (weights: [Double], intercept: Double?)
    /// Set when the step did not happen as an ordinary update (the run stopped itself, e.g. diverged).
    public var outcome: String?

    public static func == (a: StepNarration, b: StepNarration) -> Bool {
        a.step == b.step && a.hyperparameters == b.hyperparameters && a.standardized == b.standardized
            && a.batch == b.batch && a.rows == b.rows && a.gradient == b.gradient && a.oldParameters == b.oldParameters
            && a.newParameters == b.newParameters && a.outcome == b.outcome
    }

    /// The formulas of this step, from docs/math.md, for the rule and penalty in force.
    public var formula: [String] {
        let l2 = hyperparameters.l2 > 0 ? " + 2α·w" : ""
        let loss = hyperparameters.loss
        var lines = [
            loss == .mse ? "r = X_B·w + b − y_B" : "r = X_B·w + b − y_B,  J = \(loss.formula)",
            "∇w = \(loss.gradientFormula)\(l2),  ∇b = \(loss.interceptGradientFormula)",
        ]
        switch hyperparameters.update {
        case .plain: lines.append("w ← w − η·∇w,  b ← b − η·∇b")
        case .momentum: lines.append("v ← β·v + ∇,  w ← w − η·v")
        case .nesterov: lines.append("v ← β·v + ∇,  w ← w − η·(∇ + β·v)")
        case .adam: lines.append("m ← β₁m + (1−β₁)∇,  s ← β₂s + (1−β₂)∇²,  w ← w − η·m̂/(√ŝ + ε)")
        }
        switch hyperparameters.schedule.kind {
        case .constant: break
        case .inverse: lines.append("η = η₀/(1 + k·s),  k = \(TrainingRun.short(hyperparameters.schedule.decay))")
        case .invscaling: lines.append("η = η₀/(s + 1)^p,  p = \(TrainingRun.short(hyperparameters.schedule.power))")
        case .step: lines.append("η = η₀·γ^⌊e/K⌋,  γ = \(TrainingRun.short(hyperparameters.schedule.factor)), K = \(TrainingRun.short(hyperparameters.schedule.every))")
        case .cosine: lines.append("η = η_min + (η₀ − η_min)·(1 + cos(π·s/T))/2,  T = \(hyperparameters.schedule.horizon)")
        }
        if standardized { lines.append("x are z-scores (x − mean)/sd, so w is per standard deviation of x") }
        return lines
    }

    /// A plain-text account with at most `components` weights shown (the intercept always is).
    public func lines(components: Int = 3) -> [String] {
        func number(_ value: Double) -> String { TrainingRun.short(value) }
        let d = parameterNames.count - 1
        let shown = Array(0..<min(d, max(0, components))) + (fitIntercept ? [d] : [])
        func vector(_ values: [Double]) -> String {
            shown.map { "\(parameterNames[$0]) \(number(values[$0]))" }.joined(separator: ", ")
                + (components < d ? ", …" : "")
        }
        let batchText = batch.count <= 8
            ? batch.map(String.init).joined(separator: ", ")
            : batch.prefix(8).map(String.init).joined(separator: ", ") + ", … (\(batch.count) rows)"
        var result = ["step \(step + 1): \(hyperparameters.method.rawValue), |B| = \(batch.count), rows \(batchText)"]
        for row in rows {
            result.append("  row \(row.index): ŷ \(number(row.prediction)) − y \(number(row.target)) = r \(number(row.residual))")
        }
        result.append("∇: " + vector(gradient))
        result.append(hyperparameters.schedule.kind == .constant
            ? "η = \(number(learningRate))"
            : "η = \(number(learningRate)) (η₀ \(number(hyperparameters.learningRate)), \(hyperparameters.schedule.kind.rawValue))")
        result.append("old: " + vector(oldParameters))
        result.append("new: " + vector(newParameters))
        if let outcome { result.append(outcome) }
        return result + formula
    }
}

extension TrainingRun {
    /// The step `takeStep()` would take next (after a `resume()`, as a session's single step does), computed on
    /// a copy: the run itself does not move.
    public func narrateNextStep(rowLimit: Int = 5) -> StepNarration {
        var copy = self
        copy.resume()
        let h = hyperparameters, n = train.rowCount, d = train.featureCount
        let size: Int
        switch h.method {
        case .gd: size = n
        case .sgd: size = 1
        case .minibatch: size = min(max(h.batchSize, 1), n)
        }
        var schedule = rowSchedule
        let batch: [Int] = size >= n ? Array(0..<n) : Array(schedule.nextBatch(size: size))
        let old = trainingParameters
        let design = trainingDesign
        let b = fitIntercept ? old[d] : 0
        let rows = batch.prefix(max(0, rowLimit)).map { i -> StepNarration.Row in
            var prediction = b
            for j in 0..<d { prediction += design.value(row: i, column: j) * old[j] }
            return .init(index: i, prediction: prediction, target: design.y[i], residual: prediction - design.y[i])
        }
        // The same pass, rows and scaling as `takeStep`, so the numbers are the ones it uses.
        var gradient = [Double](repeating: 0, count: d + 1)
        _ = design.residualPass(
            parameters: old, intercept: b, rows: size >= n ? nil : batch[...], gradient: &gradient)
        let scale = h.loss.gradientScale(rows: batch.count)
        for j in 0...d { gradient[j] *= scale }
        if h.l2 != 0 { for j in 0..<d { gradient[j] += 2 * h.l2 * old[j] } }
        if !fitIntercept { gradient[d] = 0 }

        let rate = currentLearningRate
        copy.takeStep()
        let oldModel = model
        var narration = StepNarration(
            step: step, hyperparameters: h, standardized: standardized, fitIntercept: fitIntercept,
            parameterNames: train.featureNames + ["b"], batch: batch, rows: rows, gradient: gradient,
            oldParameters: old, newParameters: copy.trainingParameters, oldModel: oldModel, newModel: copy.model,
            outcome: copy.outcome.map { "the run stopped: \(copy.message ?? $0.rawValue)" })
        narration.learningRate = rate
        return narration
    }
}
