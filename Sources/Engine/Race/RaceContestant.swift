// One entrant of a race: a name and the hyperparameters it trains with.

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
        case momentum, adam
    }

    /// GD, SGD and mini-batch (and any extras), with rates as fractions of the full-batch stable rate
    /// 2/λmax: GD at ½ (fast and safe), mini-batch at ¼ and SGD at 1/20 (their noisy gradients need
    /// smaller steps to settle), momentum GD at 1/10 (β = 0.9 makes steps up to ten times longer),
    /// Adam at 0.1 (its steps are about η per coordinate, whatever the scale).
    public static func standard(
        stableRate: Double, batchSize: Int = 32, extras: [Extra] = []
    ) -> [RaceContestant] {
        let rate = stableRate.isFinite && stableRate > 0 ? stableRate : 1
        var entrants = [
            RaceContestant(label: "GD", hyperparameters: .init(method: .gd, learningRate: 0.5 * rate)),
            RaceContestant(label: "SGD", hyperparameters: .init(method: .sgd, learningRate: 0.05 * rate)),
            RaceContestant(
                label: "mini-batch \(batchSize)",
                hyperparameters: .init(method: .minibatch, learningRate: 0.25 * rate, batchSize: batchSize)),
        ]
        for extra in extras {
            switch extra {
            case .momentum:
                entrants.append(.init(
                    label: "momentum", hyperparameters: .init(method: .gd, update: .momentum, learningRate: 0.1 * rate)))
            case .adam:
                entrants.append(.init(label: "Adam", hyperparameters: .init(method: .gd, update: .adam, learningRate: 0.1)))
            }
        }
        return entrants
    }
}
