// An in-memory screen for tests: plays scripted events and records every frame drawn.
import Plot

/// A backend with no terminal: events come from a script, frames are kept for inspection.
public final class MemoryBackend: Backend {
    public private(set) var size: (width: Int, height: Int)
    /// Every frame passed to `draw`, oldest first.
    public private(set) var frames: [Buffer] = []
    public private(set) var styles = StyleSheet()
    /// Events still to be returned by `nextEvent`.
    public var pendingEvents: [InputEvent]

    public init(width: Int, height: Int, events: [InputEvent] = []) {
        size = (width, height)
        pendingEvents = events
    }

    public var lastFrame: Buffer? { frames.last }

    public func apply(_ styles: StyleSheet) { self.styles = styles }

    public func draw(_ frame: Buffer) { frames.append(frame) }

    /// Returns the next scripted event at once (a resize also changes `size`); nil when the script is done.
    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard !pendingEvents.isEmpty else { return nil }
        let event = pendingEvents.removeFirst()
        if case let .resize(width, height) = event { size = (width, height) }
        return event
    }
}
