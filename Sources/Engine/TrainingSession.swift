// A training run on its own thread, driven by commands and read through snapshots.
// CONTRACT STUB: the public signatures below are what the UI codes against; the Engine work replaces the bodies.
import Foundation

/// Trains a linear model on a background thread. Every method may be called from any thread, at any time,
/// and returns at once: reading a snapshot holds a lock only long enough to copy it.
public final class TrainingSession: @unchecked Sendable {
    /// The training rows (and the held-out test rows, if any), in the data's own units.
    public let train: Dataset
    public let test: Dataset?
    public let fitIntercept: Bool

    /// - Parameters:
    ///   - standardize: z-score the features for the iterative methods (coefficients are still reported in data units).
    ///   - seed: seeds shuffling and random initialisation; the same seed and commands give a bit-identical run.
    ///   - randomInit: start from small seeded random weights instead of zeros.
    public init(
        train: Dataset, test: Dataset? = nil, hyperparameters: Hyperparameters = .init(), fitIntercept: Bool = true,
        standardize: Bool = true, seed: UInt64 = 0, randomInit: Bool = false, stop: StopCriteria = .init()
    ) {
        self.train = train
        self.test = test
        self.fitIntercept = fitIntercept
    }

    /// Runs steps continuously on the session's thread until paused or stopped by a criterion or divergence.
    public func start() {}
    /// Pauses after the current step.
    public func pause() {}
    /// Takes exactly one step (pausing first if running).
    public func step() {}
    /// Back to the initial weights and step 0 with the same seed; keeps the hyperparameters.
    public func reset() {}
    /// Changes hyperparameters; applied before the next step, without a reset.
    public func setHyperparameters(_ hyperparameters: Hyperparameters) {}
    /// Turns feature standardization on or off (takes effect from the current weights, in data units).
    public func setStandardized(_ on: Bool) {}
    /// Limits the pace to `stepsPerSecond` (nil: as fast as possible).
    public func setSpeed(stepsPerSecond: Double?) {}
    /// Starts computing the closed-form solution in the background; it appears in later snapshots.
    public func requestClosedForm() {}
    /// A copy of the current state.
    public func snapshot() -> TrainingSnapshot { TrainingSnapshot() }
    /// A loss history reduced to at most `columns` buckets (min / max / last per bucket), in O(columns).
    public func lossCurve(_ series: LossSeries = .train, columns: Int) -> LossCurve { LossCurve(buckets: [], totalSteps: 0) }
    /// Stops the thread for good; the session is unusable afterwards.
    public func shutdown() {}
}

/// When a run stops by itself; nil means no limit. `tolerance` 0 turns the convergence test off.
public struct StopCriteria: Sendable, Equatable {
    public var steps: Int?
    public var epochs: Double?
    public var tolerance: Double

    public init(steps: Int? = nil, epochs: Double? = nil, tolerance: Double = 0) {
        self.steps = steps
        self.epochs = epochs
        self.tolerance = tolerance
    }
}

/// Which loss history to read.
public enum LossSeries: Sendable {
    case train, test
}

/// The loss history decimated for drawing: each bucket covers a range of steps.
public struct LossCurve: Sendable {
    public struct Bucket: Sendable, Equatable {
        public var firstStep: Int
        public var lastStep: Int
        public var min: Double
        public var max: Double
        public var last: Double
        public init(firstStep: Int, lastStep: Int, min: Double, max: Double, last: Double) {
            self.firstStep = firstStep
            self.lastStep = lastStep
            self.min = min
            self.max = max
            self.last = last
        }
    }
    public var buckets: [Bucket]
    public var totalSteps: Int
    public init(buckets: [Bucket], totalSteps: Int) {
        self.buckets = buckets
        self.totalSteps = totalSteps
    }
}
