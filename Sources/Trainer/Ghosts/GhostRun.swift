// A pinned loss curve from an earlier run, drawn faintly behind the live one.
import MessageText
import Engine
import Figures

/// A loss curve kept for comparison, labelled with what produced it.
public struct GhostRun: Sendable, Equatable {
    public var method: TrainingMethod
    public var update: UpdateRule
    public var learningRate: Double
    /// Rows per step (n for full-batch GD, 1 for SGD).
    public var batchSize: Int
    public var curve: LossCurve

    public init(method: TrainingMethod, update: UpdateRule, learningRate: Double, batchSize: Int, curve: LossCurve) {
        self.method = method
        self.update = update
        self.learningRate = learningRate
        self.batchSize = batchSize
        self.curve = curve
    }

    /// Pins what a session shows now: its hyperparameters and its training-loss curve at `columns` buckets.
    public init(session: TrainingSession, columns: Int) {
        let h = session.snapshot().hyperparameters
        let rows = session.train.rowCount
        let batch = h.method == .gd ? rows : (h.method == .sgd ? 1 : min(max(h.batchSize, 1), rows))
        self.init(
            method: h.method, update: h.update, learningRate: h.learningRate, batchSize: batch,
            curve: session.lossCurve(.train, columns: columns))
    }

    /// "ghost gd lr 0.1 batch 100" (the update rule too when it is not plain).
    public var label: String {
        let rule = update == .plain ? "" : " \(update.rawValue)"
        return "ghost \(method.rawValue)\(rule) lr \(NumberText.inMessage(learningRate)) batch \(batchSize)"
    }

    /// The curve as the exported loss figure draws it.
    public var figureCurve: LabelledLossCurve { LabelledLossCurve(label: label, curve: curve) }
}
