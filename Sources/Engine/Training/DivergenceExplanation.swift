// Why a learning rate makes full-batch GD blow up, in one line a class can read.

/// The stability rule η < 2/λmax spelled out for a rate and a bound.
public struct DivergenceExplanation: Sendable, Equatable {
    public var learningRate: Double
    /// 2/λmax of the Hessian for full-batch GD on the design in use.
    public var largestStableLearningRate: Double
    public var method: TrainingMethod

    public init(learningRate: Double, largestStableLearningRate: Double, method: TrainingMethod = .gd) {
        self.learningRate = learningRate
        self.largestStableLearningRate = largestStableLearningRate
        self.method = method
    }

    /// Whether the rate is above the full-batch bound.
    public var isAboveBound: Bool { learningRate > largestStableLearningRate }

    /// e.g. "lr 2.4 > 2/λmax = 1.0: each step overshoots the valley's steepest direction, by more each time".
    public var text: String {
        let rate = TrainingRun.short(learningRate), bound = TrainingRun.short(largestStableLearningRate)
        if isAboveBound {
            return "lr \(rate) > 2/λmax = \(bound): each step overshoots the valley's steepest direction, by more each time"
        }
        if method == .gd {
            return "lr \(rate) ≤ 2/λmax = \(bound): full-batch GD is stable at this rate"
        }
        return "lr \(rate) ≤ 2/λmax = \(bound), but \(method.rawValue) steps on a few rows can still overshoot: try a smaller lr or a larger batch"
    }
}

extension TrainingSnapshot {
    /// The stability rule for the rate in use (shown when a run diverges, or beside the lr slider).
    public var divergenceExplanation: DivergenceExplanation {
        DivergenceExplanation(
            learningRate: hyperparameters.learningRate, largestStableLearningRate: largestStableLearningRate,
            method: hyperparameters.method)
    }
}
