// One entrant of a race: a name and the hyperparameters it trains with, and the default rate for each update rule.
import Foundation

/// A method in a race, with a learning rate chosen for it.
public struct RaceContestant: Sendable, Equatable {
    public var label: String
    public var hyperparameters: Hyperparameters

    public init(label: String, hyperparameters: Hyperparameters) {
        self.label = label
        self.hyperparameters = hyperparameters
    }

    /// Optional entrants besides GD, SGD and mini-batch.
    public enum Extra: String, CaseIterable, Sendable {
        case momentum, nesterov, adam
    }

    /// The name `descent race --lr NAME=RATE` gives this contestant (gd, sgd, minibatch, momentum, nesterov, adam).
    public var optionName: String {
        switch hyperparameters.update {
        case .momentum: return "momentum"
        case .nesterov: return "nesterov"
        case .adam: return "adam"
        case .plain: return hyperparameters.method == .minibatch ? "minibatch" : hyperparameters.method.rawValue
        }
    }

    /// Every name `--lr` takes, in race order.
    public static let optionNames = ["gd", "sgd", "minibatch"] + Extra.allCases.map(\.rawValue)

    /// GD, SGD and mini-batch (and any extras), each at a rate suited to its rule on this data.
    ///
    /// The GD family is set from its own stability bound (`Hyperparameters.stability(fullBatchBound:)`, from
    /// 2/λmax): half of it, fast and clear of the edge. Plain GD ½·2/λmax, heavy-ball momentum ½·2(1+β)/λmax,
    /// Nesterov ½·2(1+β)/((1+2β)λmax). SGD and mini-batch have no bound of their own (the full-batch one is a
    /// guide): mini-batch ¼ and SGD 1/20 of 2/λmax, since their noisy gradients need smaller steps to settle.
    /// Adam has no curvature bound: its step moves each parameter by about η whatever the gradient's size
    /// (Kingma & Ba 2015, §2.1), so η is a distance a step, and the default covers the target's scale (the
    /// intercept ȳ, z-weights of order σ_y) in about 100 steps: η = max(|ȳ|, σ_y)/100 (0.1 when that is unknown).
    public static func standard(
        stableRate: Double, batchSize: Int = 32, extras: [Extra] = [], targetScale: Double = 10
    ) -> [RaceContestant] {
        let rate = stableRate.isFinite && stableRate > 0 ? stableRate : 1
        func halfBound(_ update: UpdateRule) -> Hyperparameters {
            var h = Hyperparameters(method: .gd, update: update)
            h.learningRate = 0.5 * (h.stability(fullBatchBound: rate).rate ?? rate)
            return h
        }
        var entrants = [
            RaceContestant(label: "GD", hyperparameters: halfBound(.plain)),
            RaceContestant(label: "SGD", hyperparameters: .init(method: .sgd, learningRate: 0.05 * rate)),
            RaceContestant(
                label: "mini-batch \(batchSize)",
                hyperparameters: .init(method: .minibatch, learningRate: 0.25 * rate, batchSize: batchSize)),
        ]
        for extra in extras {
            switch extra {
            case .momentum: entrants.append(.init(label: "momentum", hyperparameters: halfBound(.momentum)))
            case .nesterov: entrants.append(.init(label: "Nesterov", hyperparameters: halfBound(.nesterov)))
            case .adam:
                let scale = targetScale.isFinite && targetScale > 0 ? targetScale : 10
                entrants.append(.init(label: "Adam", hyperparameters: .init(method: .gd, update: .adam, learningRate: scale / 100)))
            }
        }
        return entrants
    }

    /// What Adam's default covers in a step's worth of 100: max(|ȳ|, σ_y) of the training target (with an
    /// intercept; without one the root mean square of y, the size of the weights' job).
    public static func targetScale(of train: Dataset, fitIntercept: Bool) -> Double {
        let n = Double(max(1, train.rowCount))
        let mean = train.y.reduce(0, +) / n
        guard fitIntercept else { return (train.y.reduce(0) { $0 + $1 * $1 } / n).squareRoot() }
        let sd = (train.y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
        return max(abs(mean), sd)
    }
}
