// Steps to epochs, for labelling a loss chart's x-axis in passes over the data.

/// How many steps make one epoch (one pass over the training rows), to relabel a step axis in epochs.
public struct EpochAxis: Sendable, Equatable {
    public var stepsPerEpoch: Double

    public init(stepsPerEpoch: Double) {
        self.stepsPerEpoch = stepsPerEpoch > 0 && stepsPerEpoch.isFinite ? stepsPerEpoch : 1
    }

    /// From a session's state: the observed ratio when steps were taken (right even if the batch size
    /// changed along the way), else what the current method and batch size imply.
    public init(snapshot: TrainingSnapshot, trainingRows: Int) {
        if snapshot.step > 0, snapshot.epoch > 0 {
            self.init(stepsPerEpoch: Double(snapshot.step) / snapshot.epoch)
        } else {
            self.init(hyperparameters: snapshot.hyperparameters, trainingRows: trainingRows)
        }
    }

    /// What a method and batch size imply: 1 for GD, n for SGD, ⌈n / batch⌉ for mini-batch.
    public init(hyperparameters h: Hyperparameters, trainingRows n: Int) {
        switch h.method {
        case .gd: self.init(stepsPerEpoch: 1)
        case .sgd: self.init(stepsPerEpoch: Double(n))
        case .minibatch:
            let batch = min(max(h.batchSize, 1), max(n, 1))
            self.init(stepsPerEpoch: Double((n + batch - 1) / batch))
        }
    }

    /// The epoch reached after `step` steps.
    public func epoch(atStep step: Int) -> Double { Double(step) / stepsPerEpoch }

    /// The step at which `epoch` is reached (for placing epoch ticks on a step axis).
    public func step(atEpoch epoch: Double) -> Double { epoch * stepsPerEpoch }
}

extension TrainingSession {
    /// The epoch scale of the session as it stands.
    public func epochAxis() -> EpochAxis {
        EpochAxis(snapshot: snapshot(), trainingRows: train.rowCount)
    }
}
