// The views of the data panel (f cycles them) and of the Weights panel (W switches them).

/// What the bottom-left panel shows.
public enum DataView: Sendable, Equatable, CaseIterable {
    /// The points x against y with the model's line or curve: one input feature.
    case fit
    /// r + wⱼ·xⱼ against xⱼ for one chosen feature: several features.
    case partialFit
    /// ŷ against y with the diagonal.
    case predictedActual
    /// r = y − ŷ against ŷ with a zero line.
    case residuals

    /// The views `f` cycles through, the default first: the fit for one input, predicted-vs-actual for several.
    static func cycle(singleInput: Bool) -> [DataView] {
        singleInput ? [.fit, .predictedActual, .residuals] : [.predictedActual, .partialFit, .residuals]
    }

    /// The panel title's name for the view.
    var title: String {
        switch self {
        case .fit: return "Fit"
        case .partialFit: return "Partial fit"
        case .predictedActual: return "Predicted vs actual"
        case .residuals: return "Residuals vs predicted"
        }
    }
}

/// What the Weights panel shows.
public enum WeightsView: Sendable, Equatable {
    /// One bar per coefficient now.
    case bars
    /// Each coefficient over the steps, converging to its dashed w*.
    case paths
}
