// The next training step spelled out with its real numbers: batch rows, residuals, gradient, η, old and new weights.
import MessageText
import Foundation

/// One update as a learner would compute it by hand. The rows (x, ŷ, y, r) and the old and new models are in
/// the data's own units, as the panels show them; the gradient and the update rule's state (v, m̂, ŝ) are in the
/// units GD steps in (z-scores when standardized), and the text says so. Parameter vectors are w followed by b
/// (b is 0 and never updated without an intercept).
public struct StepNarration: Sendable, Equatable {
    /// A row of the batch in data units: its features and its residual r = ŷ − y.
    public struct Row: Sendable, Equatable {
        public var index: Int
        /// The row's features in data units.
        public var x: [Double] = []
        public var prediction: Double
        public var target: Double
        public var residual: Double
    }

    /// Adam's state after this step: t and the bias-corrected moments it divides by (w then b).
    public struct AdamMoments: Sendable, Equatable {
        public var t: Int
        /// m̂ = m/(1 − β₁ᵗ).
        public var firstCorrected: [Double]
        /// ŝ = s/(1 − β₂ᵗ) (Kingma and Ba's v̂).
        public var secondCorrected: [Double]
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
    /// Rows of the training set: a batch of all of them is the full batch.
    public var rowCount: Int = 0
    /// The first few rows of the batch with their residuals.
    public var rows: [Row]
    /// η of this step (η₀ through the schedule).
    public var learningRate: Double = 0
    /// ∇ of the loss (with the L2 term) at the old parameters: d weights then b, in the units GD steps in.
    public var gradient: [Double]
    /// The new velocity (momentum, Nesterov), in the units GD steps in.
    public var velocity: [Double]?
    public var adam: AdamMoments?
    /// GD's parameters before and after, in the units it steps in.
    public var oldParameters: [Double]
    public var newParameters: [Double]
    /// The same two models in the data's own units: what the text shows as old and new.
    public var oldModel: (weights: [Double], intercept: Double?)
    public var newModel: (weights: [Double], intercept: Double?)
    /// Set when the step did not happen as an ordinary update (the run stopped itself, e.g. diverged).
    public var outcome: String?

    public static func == (a: StepNarration, b: StepNarration) -> Bool {
        a.step == b.step && a.hyperparameters == b.hyperparameters && a.standardized == b.standardized
            && a.batch == b.batch && a.rows == b.rows && a.gradient == b.gradient && a.oldParameters == b.oldParameters
            && a.newParameters == b.newParameters && a.outcome == b.outcome && a.velocity == b.velocity && a.adam == b.adam
            && a.oldModel.weights == b.oldModel.weights && a.oldModel.intercept == b.oldModel.intercept
            && a.newModel.weights == b.newModel.weights && a.newModel.intercept == b.newModel.intercept
    }

    /// Whether the step read every training row.
    public var isFullBatch: Bool { rowCount > 0 && batch.count == rowCount }

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
        case .momentum: lines += ["v ← β·v + ∇,  w ← w − η·v", "β = \(NumberText.inMessage(hyperparameters.momentum))"]
        case .nesterov: lines += ["v ← β·v + ∇,  w ← w − η·(∇ + β·v)", "β = \(NumberText.inMessage(hyperparameters.momentum))"]
        case .adam:
            let t = adam.map { String($0.t) } ?? "t"
            lines.append("m ← β₁m + (1−β₁)∇,  s ← β₂s + (1−β₂)∇²,  β₁ = 0.9, β₂ = 0.999, ε = 1e-8")
            lines.append("m̂ = m/(1−β₁^\(t)),  ŝ = s/(1−β₂^\(t)),  w ← w − η·m̂/(√ŝ + ε)")
        }
        switch hyperparameters.schedule.kind {
        case .constant: break
        case .inverse: lines.append("η = η₀/(1 + k·s),  k = \(NumberText.inMessage(hyperparameters.schedule.decay))")
        case .invscaling: lines.append("η = η₀/(s + 1)^p,  p = \(NumberText.inMessage(hyperparameters.schedule.power))")
        case .step: lines.append("η = η₀·γ^⌊e/K⌋,  γ = \(NumberText.inMessage(hyperparameters.schedule.factor)), K = \(NumberText.inMessage(hyperparameters.schedule.every))")
        case .cosine: lines.append("η = η_min + (η₀ − η_min)·(1 + cos(π·s/T))/2,  T = \(hyperparameters.schedule.horizon)")
        }
        if standardized { lines.append("(z): per sd of x, the units GD steps in; x, ŷ, r, old, new: data units") }
        return lines
    }

    /// Significant digits that show `old` and `new` as different numbers when they are: two more than the
    /// decades between their size and the size of the change, at least 5.
    public static func digits(old: Double, new: Double) -> Int {
        guard old.isFinite, new.isFinite, old != new else { return 5 }
        let change = abs(new - old), size = max(abs(old), abs(new))
        var digits = max(5, Int((log10(size / change)).rounded(.up)) + 2)
        while digits < 17 && NumberText.significant(old, digits: digits) == NumberText.significant(new, digits: digits) { digits += 1 }
        return min(17, digits)
    }

    /// The old and new models in data units, w then b (b only with an intercept).
    private var oldShown: [Double] { oldModel.weights + (fitIntercept ? [oldModel.intercept ?? 0] : []) }
    private var newShown: [Double] { newModel.weights + (fitIntercept ? [newModel.intercept ?? 0] : []) }

    /// The old and new value of parameter `j` (w then b) in data units, with the digits that tell them apart.
    public func oldAndNew(_ j: Int) -> (old: String, new: String) {
        let index = j == parameterNames.count - 1 ? oldModel.weights.count : j
        let old = oldShown[index], new = newShown[index]
        let digits = Self.digits(old: old, new: new)
        return (NumberText.significant(old, digits: digits), NumberText.significant(new, digits: digits))
    }

    /// A plain-text account with at most `components` weights shown (the intercept always is).
    public func lines(components: Int = 3) -> [String] {
        func number(_ value: Double) -> String { NumberText.significant(value, digits: 4) }
        let d = parameterNames.count - 1
        let shown = Array(0..<min(d, max(0, components))) + (fitIntercept ? [d] : [])
        let more = components < d ? ", …" : ""
        func vector(_ values: [Double]) -> String {
            shown.map { "\(parameterNames[$0]) \(number(values[$0]))" }.joined(separator: ", ") + more
        }
        let pairs = shown.map { (parameterNames[$0], oldAndNew($0)) }
        let header: String
        let method = hyperparameters.method.rawValue
        if isFullBatch {
            header = "step \(step + 1): \(method) on all \(batch.count) rows (full batch)"
                + (rows.isEmpty ? "" : ", the first \(rows.count):")
        } else {
            let listed = batch.count <= 8
                ? batch.map(String.init).joined(separator: ", ")
                : batch.prefix(8).map(String.init).joined(separator: ", ") + ", …"
            header = "step \(step + 1): \(method), |B| = \(batch.count), sampled row\(batch.count == 1 ? "" : "s") \(listed)"
        }
        var result = [header]
        for row in rows {
            let xs = row.x.prefix(min(d, max(1, components))).map(number).joined(separator: ", ")
                + (row.x.count > max(1, components) ? ", …" : "")
            result.append("  row \(row.index): x (\(xs))  ŷ \(number(row.prediction)) − y \(number(row.target)) = r \(number(row.residual))")
        }
        let units = standardized ? " (z)" : ""
        result.append("∇\(units): " + vector(gradient))
        result.append(hyperparameters.schedule.kind == .constant
            ? "η = \(NumberText.inMessage(learningRate))"
            : "η = \(NumberText.inMessage(learningRate)) (η₀ \(NumberText.inMessage(hyperparameters.learningRate)), \(hyperparameters.schedule.kind.rawValue))")
        if let velocity { result.append("v\(units): " + vector(velocity)) }
        if let adam {
            result.append("m̂\(units): " + vector(adam.firstCorrected))
            result.append("ŝ\(units): " + vector(adam.secondCorrected))
        }
        result.append("old: " + pairs.map { "\($0.0) \($0.1.old)" }.joined(separator: ", ") + more)
        result.append("new: " + pairs.map { "\($0.0) \($0.1.new)" }.joined(separator: ", ") + more)
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
        let oldModel = model
        // The rows in the data's own units, predicted by the model in data units (as the panels show it).
        let rows = batch.prefix(max(0, rowLimit)).map { i -> StepNarration.Row in
            let x = Array(train.x[(i * d)..<((i + 1) * d)])
            var prediction = oldModel.intercept ?? 0
            for j in 0..<d { prediction += x[j] * oldModel.weights[j] }
            return .init(index: i, x: x, prediction: prediction, target: train.y[i], residual: prediction - train.y[i])
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
        var narration = StepNarration(
            step: step, hyperparameters: h, standardized: standardized, fitIntercept: fitIntercept,
            parameterNames: train.featureNames + ["b"], batch: batch, rows: rows, gradient: gradient,
            oldParameters: old, newParameters: copy.trainingParameters, oldModel: oldModel, newModel: copy.model,
            outcome: copy.outcome.map { "the run stopped: \(copy.message ?? $0.rawValue)" })
        narration.rowCount = n
        narration.learningRate = rate
        let state = copy.currentUpdateState
        switch h.update {
        case .plain: break
        case .momentum, .nesterov: narration.velocity = state.currentVelocity
        case .adam:
            let moments = state.adamMoments
            let c1 = 1 - pow(UpdateState.adamBeta1, Double(moments.steps)), c2 = 1 - pow(UpdateState.adamBeta2, Double(moments.steps))
            narration.adam = .init(
                t: moments.steps, firstCorrected: moments.first.map { $0 / c1 }, secondCorrected: moments.second.map { $0 / c2 })
        }
        return narration
    }
}
