// How much the loss curve is smoothed: off, or an exponential moving average of growing weight.
import MessageText

/// A notch of the smoothing control (key `w`): the weight of Plot's exponential smoothing.
public struct SmoothingSetting: Equatable, Sendable {
    /// Weights per notch; 0 is off. Noisy SGD curves want 0.9 and above.
    static let weights: [Double] = [0, 0.5, 0.8, 0.9, 0.95, 0.99]

    public private(set) var notch: Int

    public init(notch: Int = 0) { self.notch = min(Self.weights.count - 1, max(0, notch)) }

    public var weight: Double { Self.weights[notch] }

    /// The next notch, wrapping from the strongest back to off.
    public var next: SmoothingSetting { SmoothingSetting(notch: (notch + 1) % Self.weights.count) }

    /// "off" or "0.9".
    public var label: String { notch == 0 ? "off" : NumberText.rate(weight) }
}
