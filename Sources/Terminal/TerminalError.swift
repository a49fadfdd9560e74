// Why the terminal UI could not start.

/// A failure to take over the terminal, with a one-line message for the user.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
    case notATerminal
    case cannotInitialize(term: String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "the UI needs a terminal (stdin/stdout is not a TTY); use `descent fit` to train headless"
        case let .cannotInitialize(term):
            return "cannot open the terminal (TERM=\(term)); set TERM to your terminal, or use `descent fit`"
        }
    }
}
