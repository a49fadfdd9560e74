// The one interface the app draws through: ncurses in a real terminal, memory in tests.
import Plot

/// A screen that shows buffers and produces input events.
public protocol Backend: AnyObject {
    /// Current size in cells.
    var size: (width: Int, height: Int) { get }
    /// Decides how each style role looks from now on; the next `draw` repaints every cell.
    func apply(_ styles: StyleSheet)
    /// Shows `frame`, sending only the cells that changed since the last call.
    func draw(_ frame: Buffer)
    /// Waits at most `timeoutMilliseconds` for the next event; nil when none came.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent?
}
