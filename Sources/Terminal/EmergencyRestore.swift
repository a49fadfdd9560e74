// Puts the terminal back without ncurses: for crashes and a frame loop that stopped answering.
import Foundation

/// Saved line settings and the escape sequences that leave the alternate screen, stop mouse reports and show the cursor.
/// Everything here is async-signal-safe once `prepare()` has run: a `write`, a `tcsetattr`, a `raise`.
enum EmergencyRestore {
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var hasSaved = false
    nonisolated(unsafe) private static var sequence: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) private static var sequenceLength = 0

    /// Remembers the terminal's current line settings and installs handlers for fatal signals. Call before ncurses starts.
    static func prepare() {
        if tcgetattr(STDIN_FILENO, &saved) == 0 { hasSaved = true }
        let bytes = Array("\u{1b}[?1002l\u{1b}[?1000l\u{1b}[?1006l\u{1b}[0m\u{1b}[?25h\u{1b}[?1049l".utf8)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        sequence = buffer
        sequenceLength = bytes.count
        for number in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            signal(number) { received in
                EmergencyRestore.run()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    /// Writes the reset sequence and restores the saved line settings.
    static func run() {
        if let sequence { _ = write(STDOUT_FILENO, sequence, sequenceLength) }
        if hasSaved { _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
    }

    /// Gives fatal signals their default actions back, once ncurses has restored the terminal itself.
    static func disarm() {
        for number in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] { signal(number, SIG_DFL) }
    }
}
