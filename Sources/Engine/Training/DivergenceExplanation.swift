// Why a learning rate makes GD blow up, in one line a class can read: the bound of the update rule in force.
import MessageText

/// The stability rule for a rate, an update rule and the full-batch bound 2/λmax (docs/math.md derives each bound).
public struct DivergenceExplanation: Sendable, Equatable {
    public var learningRate: Double
    /// 2/λmax of the Hessian for full-batch plain GD on the design in use.
    public var largestStableLearningRate: Double
    public var method: TrainingMethod
    public var update: UpdateRule
    /// β for momentum and Nesterov.
    public var momentum: Double

    public init(
        learningRate: Double, largestStableLearningRate: Double, method: TrainingMethod = .gd, update: UpdateRule = .plain,
        momentum: Double = 0.9
    ) {
        self.learningRate = learningRate
        self.largestStableLearningRate = largestStableLearningRate
        self.method = method
        self.update = update
        self.momentum = momentum
    }

    /// The bound of the rule in force (none for Adam).
    public var stability: UpdateRuleStability {
        Hyperparameters(method: method, update: update, learningRate: learningRate, momentum: momentum)
            .stability(fullBatchBound: largestStableLearningRate)
    }

    /// Whether the rate is above the rule's bound (never for Adam, which has none).
    public var isAboveBound: Bool { stability.rate.map { learningRate > $0 } ?? false }

    /// What the lr slider's mark is, in a few words: "2(1+β)/λmax = 0.475", "adam: no fixed bound",
    /// "2/λmax = 0.97, full-batch guide".
    public var markLabel: String {
        guard case .bound(let rate, let formula) = stability else { return "adam: no fixed bound" }
        return "\(formula) = \(NumberText.inMessage(rate))" + (method == .gd ? "" : ", full-batch guide")
    }

    /// "lr 0.5 > 2/λmax = 0.25" when the rate is above its rule's bound, else nil: the short form for one line.
    public var overBoundText: String? {
        guard isAboveBound, case .bound(let rate, let formula) = stability else { return nil }
        return "lr \(NumberText.inMessage(learningRate)) > \(formula) = \(NumberText.inMessage(rate))"
    }

    /// e.g. "lr 2.4 > 2/λmax = 1.0: each step overshoots the valley's steepest direction, by more each time".
    public var text: String {
        let rate = NumberText.inMessage(learningRate)
        guard case .bound(let boundRate, let formula) = stability else {
            return "lr \(rate): adam has no fixed bound, its steps are about lr in size whatever the curvature (plain GD's is 2/λmax = \(NumberText.inMessage(largestStableLearningRate)))"
        }
        let bound = NumberText.inMessage(boundRate)
        if isAboveBound {
            return "lr \(rate) > \(formula) = \(bound): each step overshoots the valley's steepest direction, by more each time"
        }
        if method == .gd {
            let rule = update == .plain ? "" : " with \(update.rawValue)"
            return "lr \(rate) ≤ \(formula) = \(bound): full-batch GD\(rule) is stable at this rate"
        }
        return "lr \(rate) ≤ \(formula) = \(bound), the full-batch bound, a guide for \(method.rawValue), not a guarantee: steps on a few rows can still overshoot, try a smaller lr or a larger batch"
    }
}

extension TrainingSnapshot {
    /// The stability rule for the rate in use, the scheduled one (shown when a run diverges, or beside the lr slider).
    public var divergenceExplanation: DivergenceExplanation {
        DivergenceExplanation(
            learningRate: hyperparameters.schedule.kind == .constant ? hyperparameters.learningRate : currentLearningRate, largestStableLearningRate: largestStableLearningRate,
            method: hyperparameters.method, update: hyperparameters.update, momentum: hyperparameters.momentum)
    }
}
