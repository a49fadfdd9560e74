// The one set of rules for a run's settings, whether typed as options, read from a preset or from a recording.

/// A setting out of range: the option that sets it on the command line, its key in a recording's setup, and why.
public struct SetupProblem: Sendable, Equatable {
    /// The command-line option, e.g. "--lr".
    public var option: String
    /// The key path in a recording's `setup` (JSON), e.g. "hyperparameters.learningRate".
    public var key: String
    public var reason: String

    public init(option: String, key: String, reason: String) {
        self.option = option
        self.key = key
        self.reason = reason
    }
}

extension Hyperparameters {
    /// The first setting out of range, if any (the rules `--lr`, `--batch-size`, `--momentum`, `--l2` and `--l1` follow).
    public func problem() -> SetupProblem? {
        if !(learningRate > 0 && learningRate.isFinite) {
            return SetupProblem(option: "--lr", key: "hyperparameters.learningRate", reason: "must be a positive finite number, got \(learningRate)")
        }
        if batchSize < 1 {
            return SetupProblem(option: "--batch-size", key: "hyperparameters.batchSize", reason: "must be at least 1, got \(batchSize)")
        }
        if !(momentum >= 0 && momentum < 1) {
            return SetupProblem(option: "--momentum", key: "hyperparameters.momentum", reason: "must be in [0, 1), got \(momentum)")
        }
        if !(l2 >= 0 && l2.isFinite) {
            return SetupProblem(option: "--l2", key: "hyperparameters.l2", reason: "must be a finite number ≥ 0, got \(l2)")
        }
        if !(l1 >= 0 && l1.isFinite) {
            return SetupProblem(option: "--l1", key: "hyperparameters.l1", reason: "must be a finite number ≥ 0, got \(l1)")
        }
        return nil
    }
}

extension StopCriteria {
    /// The first limit out of range, if any (`--steps`, `--epochs`, `--tol`).
    public func problem() -> SetupProblem? {
        if let steps, steps < 1 { return SetupProblem(option: "--steps", key: "stop.steps", reason: "must be at least 1, got \(steps)") }
        if let epochs, !(epochs > 0 && epochs.isFinite) {
            return SetupProblem(option: "--epochs", key: "stop.epochs", reason: "must be a positive number, got \(epochs)")
        }
        if !(tolerance >= 0 && tolerance.isFinite) {
            return SetupProblem(option: "--tol", key: "stop.tolerance", reason: "must be a finite number ≥ 0, got \(tolerance)")
        }
        return nil
    }
}

extension DataSpecification {
    /// The first data setting out of range, if any (`--poly`, `--test-fraction`, `--part`, `--rows`, `--features`, `--noise`,
    /// `--condition`), sizes included: a synthetic set that would not fit in memory is refused here.
    public func problem() -> SetupProblem? {
        if !(polynomialDegree >= 1 && polynomialDegree <= 20) {
            return SetupProblem(option: "--poly", key: "data.polynomialDegree", reason: "must be between 1 and 20, got \(polynomialDegree)")
        }
        if !(testFraction >= 0 && testFraction < 1) {
            return SetupProblem(option: "--test-fraction", key: "data.testFraction", reason: "must be at least 0 and below 1, got \(testFraction)")
        }
        if let rows = synthetic.rows, rows < 2 {
            return SetupProblem(option: "--rows", key: "data.synthetic.rows", reason: "must be at least 2, got \(rows)")
        }
        if case .builtin(.synthetic) = source {
            if synthetic.features < 1 {
                return SetupProblem(option: "--features", key: "data.synthetic.features", reason: "must be at least 1, got \(synthetic.features)")
            }
        }
        if let part = synthetic.part {
            guard case .builtin(.anscombe) = source else {
                return SetupProblem(option: "--part", key: "data.synthetic.part", reason: "is for the anscombe data set only (it picks one of its four sets)")
            }
            if !(1...4).contains(part) {
                return SetupProblem(option: "--part", key: "data.synthetic.part", reason: "must be from 1 to 4 (Anscombe's four sets), got \(part)")
            }
        }
        let generated: (rows: Int, features: Int)?
        switch source {
        case .builtin(.synthetic): generated = (synthetic.rows ?? 1000, synthetic.features)
        case .builtin(.line), .builtin(.heteroscedastic): generated = (synthetic.rows ?? 100, 1)
        case .builtin(.outliers), .builtin(.curve), .builtin(.twoGroups): generated = (synthetic.rows ?? BuiltinDataset.teachingRows, 1)
        default: generated = nil
        }
        if let (rows, columns) = generated {
            let features = columns * polynomialDegree
            if let tooBig = MemoryBudget.problem(bytes: MemoryBudget.trainingBytes(rows: rows, features: features)) {
                return SetupProblem(
                    option: "--rows", key: "data.synthetic.rows", reason: "\(MemoryBudget.shape(rows: rows, features: features)) \(tooBig)")
            }
        }
        if !(synthetic.noise >= 0 && synthetic.noise.isFinite) {
            return SetupProblem(option: "--noise", key: "data.synthetic.noise", reason: "must be a finite number ≥ 0, got \(synthetic.noise)")
        }
        if !(synthetic.conditionNumber >= 1 && synthetic.conditionNumber.isFinite) {
            return SetupProblem(option: "--condition", key: "data.synthetic.conditionNumber", reason: "must be a finite number ≥ 1, got \(synthetic.conditionNumber)")
        }
        return nil
    }
}

extension SessionSetup {
    /// The first setting out of range, if any: the same rules as the command line's.
    public func problem() -> SetupProblem? {
        hyperparameters.problem() ?? stop.problem() ?? data.problem()
    }
}
