// A loss curve with the words that say what produced it: a ghost run as the exported loss figure draws it.
import Engine

/// An earlier run's training-loss curve and its legend label ("ghost gd lr 0.1 batch 100").
public struct LabelledLossCurve: Sendable, Equatable {
    public var label: String
    public var curve: LossCurve

    public init(label: String, curve: LossCurve) {
        self.label = label
        self.curve = curve
    }
}
