// The largest stable learning rate of each update rule on the MSE's quadratic, from λmax (docs/math.md derives each).

/// Where the learning rate stops being stable for an update rule on full-batch GD.
public enum UpdateRuleStability: Sendable, Equatable {
    /// Stable for η below `rate`; `formula` names it (e.g. "2(1+β)/λmax").
    case bound(rate: Double, formula: String)
    /// Adam divides each step by √v̂: the step size is about η whatever the curvature, so there is no fixed bound.
    case noFixedBound

    public var rate: Double? {
        if case .bound(let rate, _) = self { return rate }
        return nil
    }
}

extension Hyperparameters {
    /// The bound that applies to this update rule, given 2/λmax (plain GD's bound). For SGD and mini-batch the
    /// same full-batch figure is a guide, not a guarantee: a few rows' gradient can overshoot below it.
    public func stability(fullBatchBound bound: Double) -> UpdateRuleStability {
        let beta = momentum
        switch update {
        case .plain: return .bound(rate: bound, formula: "2/λmax")
        // Heavy ball: the eigenvalues of [[1+β−ηλ, −β], [1, 0]] stay inside the unit circle iff ηλ < 2(1+β).
        case .momentum: return .bound(rate: bound * (1 + beta), formula: "2(1+β)/λmax")
        // Nesterov (gradient at the current point, corrected by the new velocity): ηλ < 2(1+β)/(1+2β).
        case .nesterov: return .bound(rate: bound * (1 + beta) / (1 + 2 * beta), formula: "2(1+β)/((1+2β)λmax)")
        case .adam: return .noFixedBound
        }
    }
}
