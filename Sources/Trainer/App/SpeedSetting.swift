// The pace of training: notches from one step per second to unlimited.
import MessageText
import Foundation

/// A notch on the speed slider. The last notch is "unlimited".
public struct SpeedSetting: Equatable, Sendable {
    /// Steps per second per notch; nil is as fast as the engine goes.
    static let notches: [Double?] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, nil]

    public private(set) var notch: Int

    public init(notch: Int) { self.notch = min(Self.notches.count - 1, max(0, notch)) }

    /// The notch nearest to `stepsPerSecond` (nil: unlimited).
    public init(stepsPerSecond: Double?) {
        guard let rate = stepsPerSecond else {
            self.init(notch: Self.notches.count - 1)
            return
        }
        let distance = { (index: Int) in abs(log10(Self.notches[index] ?? 1) - log10(max(rate, 1e-9))) }
        let best = Self.notches.indices.dropLast().min { distance($0) < distance($1) }
        self.init(notch: best ?? 0)
    }

    public static let unlimited = SpeedSetting(notch: notches.count - 1)

    public var stepsPerSecond: Double? { Self.notches[notch] }

    public var fraction: Double { Double(notch) / Double(Self.notches.count - 1) }

    public static func nearest(toFraction fraction: Double) -> SpeedSetting {
        SpeedSetting(notch: Int((min(1, max(0, fraction)) * Double(notches.count - 1)).rounded()))
    }

    public var faster: SpeedSetting { SpeedSetting(notch: notch + 1) }
    public var slower: SpeedSetting { SpeedSetting(notch: notch - 1) }

    public var label: String {
        guard let rate = stepsPerSecond else { return "max" }
        return NumberText.count(rate) + "/s"
    }
}
