// When a replay sends each recorded command: the recorded times scaled by the replay speed.

/// The wall-clock schedule of a replay. A command recorded at `t` seconds is due at
/// `anchorWall + (t − anchorRecorded) / speed`; a speed change re-anchors at the moment it happens, so the
/// rest of the recording plays at the new speed from there. A nil speed (`max`) makes every command due at once.
/// Only the pace of the display depends on it: commands still apply at their recorded steps.
public struct ReplayPace: Sendable, Equatable {
    /// Replay speed: 1 is the recorded pace, 2 twice as fast; nil as fast as possible.
    public private(set) var speed: Double?
    private var anchorWall: Double
    private var anchorRecorded: Double

    /// The speeds `--replay-speed` and `{` `}` move between.
    public static let slowest = 0.25, fastest = 16.0

    /// A schedule that starts at wall time `now` with recorded time 0.
    public init(speed: Double?, now: Double) {
        self.speed = speed
        anchorWall = now
        anchorRecorded = 0
    }

    /// The wall time at which a command recorded at `recorded` seconds is due (nil: at once).
    public func due(recorded: Double?) -> Double? {
        guard let speed, let recorded else { return nil }
        return anchorWall + max(0, recorded - anchorRecorded) / speed
    }

    /// Changes the speed at wall time `now`; `recordedNow` is the recorded time the replay has reached
    /// (the last command sent), so what is already waited for counts at the old speed.
    public mutating func change(speed newSpeed: Double?, now: Double, recordedNow: Double) {
        if let speed {
            // Where the recording's clock stands now: the waiting done since the anchor, at the old speed.
            anchorRecorded = max(recordedNow, anchorRecorded + (now - anchorWall) * speed)
        } else {
            anchorRecorded = recordedNow
        }
        anchorWall = now
        speed = newSpeed
    }

    /// Twice as fast (up to `fastest`); from `max`, stays `max`.
    public static func faster(_ speed: Double?) -> Double? {
        speed.map { min(fastest, $0 * 2) }
    }

    /// Half as fast (down to `slowest`); from `max`, the fastest finite speed.
    public static func slower(_ speed: Double?) -> Double? {
        guard let speed else { return fastest }
        return max(slowest, speed / 2)
    }

    /// "×2", "×0.5", "max": how the title bar names a speed.
    public static func label(_ speed: Double?) -> String {
        guard let speed else { return "max" }
        let text = speed == speed.rounded() ? String(Int(speed)) : String(speed)
        return "×" + text
    }
}
