// A crash shows one line (what happened, where to report it) on a restored terminal, never a runtime backtrace.
import Foundation

/// Replaces the Swift runtime's crash handlers (its backtracer can stop on a raw terminal with "Press space to
/// interact…") with one that restores the terminal, writes one line and exits with 128 + signal. A developer who
/// sets `SWIFT_BACKTRACE` (e.g. `SWIFT_BACKTRACE=enable=yes,interactive=no`) gets the runtime's backtrace instead,
/// still after the terminal is restored. SIGQUIT (Ctrl-\) outside the trainer exits quietly with 131.
/// Everything the handlers do is async-signal-safe: `write`, `tcsetattr`, `sigaction`, `raise`, `_exit`.
public enum CrashLine {
    /// The signals a crash raises.
    static let fatal: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]
    private static let slots = 65

    nonisolated(unsafe) private static var lines: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?
    nonisolated(unsafe) private static var lengths: UnsafeMutablePointer<Int>?
    nonisolated(unsafe) private static var previous: UnsafeMutablePointer<sigaction>?
    nonisolated(unsafe) private static var developer = false

    /// The line for a crash by `signal`, e.g. "descent: crashed (SIGSEGV, a bad memory access); …".
    public static func message(for signal: Int32) -> String {
        let what: String
        switch signal {
        case SIGSEGV: what = "SIGSEGV, a bad memory access"
        case SIGBUS: what = "SIGBUS, a bad memory access"
        case SIGILL, SIGTRAP: what = "\(signal == SIGILL ? "SIGILL" : "SIGTRAP"), an internal check failed"
        case SIGABRT: what = "SIGABRT, aborted"
        case SIGFPE: what = "SIGFPE, an arithmetic fault"
        default: what = "signal \(signal)"
        }
        return "descent: crashed (\(what)); this is a bug in Descent, please report it with the command you ran "
            + "on the Descent issue tracker (SWIFT_BACKTRACE=enable=yes,interactive=no shows a backtrace)\n"
    }

    /// Installs the handlers. Call first thing in `main`, before anything can crash.
    public static func install(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard lines == nil else { return }
        developer = !(environment["SWIFT_BACKTRACE"] ?? "").isEmpty
        let lines = UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>.allocate(capacity: slots)
        lines.initialize(repeating: nil, count: slots)
        let lengths = UnsafeMutablePointer<Int>.allocate(capacity: slots)
        lengths.initialize(repeating: 0, count: slots)
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: slots)
        previous.initialize(repeating: sigaction(), count: slots)
        for number in fatal {
            let bytes = Array(message(for: number).utf8)
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
            buffer.initialize(from: bytes, count: bytes.count)
            lines[Int(number)] = buffer
            lengths[Int(number)] = bytes.count
        }
        (self.lines, self.lengths, self.previous) = (lines, lengths, previous)
        for number in fatal {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in CrashLine.crashed(received) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_ONSTACK
            _ = sigaction(number, &action, previous + Int(number))
        }
        reinstallQuit()
    }

    /// SIGQUIT (Ctrl-\): restore the terminal and exit 131, quietly (the trainer handles it itself while it runs).
    static func reinstallQuit() {
        signal(SIGQUIT) { received in
            EmergencyRestore.run()
            _exit(128 + received)
        }
    }

    private static func crashed(_ number: Int32) {
        EmergencyRestore.run()
        if developer, let previous {
            // Hand the signal to the runtime's backtracer, which was installed before main.
            _ = sigaction(number, previous + Int(number), nil)
            raise(number)
            return
        }
        if let lines, let line = lines[Int(number)], let lengths {
            _ = write(STDERR_FILENO, line, lengths[Int(number)])
        }
        _exit(128 + number)
    }
}
