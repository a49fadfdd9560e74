// Puts the terminal back without ncurses: for crashes and a frame loop that stopped answering.
import Foundation

/// Saved line settings and the escape sequences that leave the alternate screen, stop mouse reports and show the cursor.
/// Everything here is async-signal-safe once `prepare()` has run: a `write` and a `tcsetattr`.
enum EmergencyRestore {
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var hasSaved = false
    nonisolated(unsafe) private static var sequence: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) private static var sequenceLength = 0

    nonisolated(unsafe) private static var armed = false

    /// Remembers the terminal's current line settings and arms `run()` (which `CrashLine`'s handlers call).
    /// Call before ncurses starts.
    static func prepare() {
        if tcgetattr(STDIN_FILENO, &saved) == 0 { hasSaved = true }
        let bytes = Array("\u{1b}[?1002l\u{1b}[?1000l\u{1b}[?1006l\u{1b}[0m\u{1b}[?25h\u{1b}[?1049l".utf8)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        sequence = buffer
        sequenceLength = bytes.count
        CrashLine.install()
        armed = true
    }

    /// Writes the reset sequence and restores the saved line settings (only between `prepare()` and `disarm()`).
    static func run() {
        guard armed else { return }
        if let sequence { _ = write(STDOUT_FILENO, sequence, sequenceLength) }
        if hasSaved { _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
    }

    /// Stops `run()` from touching the terminal, once ncurses has restored it itself.
    static func disarm() { armed = false }
}
