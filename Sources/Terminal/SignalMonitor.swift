// Turns SIGINT, SIGTERM, SIGHUP, SIGQUIT and SIGTSTP into events the frame loop handles, so the terminal is restored in order.
import Dispatch
import Foundation

/// Catches the termination signals (SIGINT, SIGTERM, SIGHUP, SIGQUIT) and the suspend signal (SIGTSTP) on a
/// dispatch queue, never in a signal handler, and remembers them for the frame loop.
/// If the app does not react to a termination signal within `graceSeconds`, it restores the terminal itself and
/// exits with 128 + signal.
final class SignalMonitor: @unchecked Sendable {
    /// The signals that end the app as SIGTERM does (terminal restored, recording finished, exit 128 + signal).
    static let termination: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    private let lock = NSLock()
    private var pending: Int32?
    private var suspendRequested = false
    private var closed = false
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "descent.signals")
    private let graceSeconds: Double

    init(graceSeconds: Double = 1.5) {
        self.graceSeconds = graceSeconds
        for number in Self.termination + [SIGTSTP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in self?.received(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// The first termination signal received and not yet taken, if any; taking it clears it.
    func take() -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        let value = pending
        pending = nil
        return value
    }

    /// Whether Ctrl-Z (SIGTSTP) arrived since the last call; taking it clears it.
    func takeSuspend() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let value = suspendRequested
        suspendRequested = false
        return value
    }

    private func received(_ number: Int32) {
        lock.lock()
        defer { lock.unlock() }
        if number == SIGTSTP {
            suspendRequested = true
            return
        }
        if pending == nil { pending = number }
        queue.asyncAfter(deadline: .now() + graceSeconds) { [weak self] in
            // The frame loop did not exit in time (it may be stuck): restore from here and leave.
            guard let self, !self.isClosed else { return }
            EmergencyRestore.run()
            _exit(128 + number)
        }
    }

    private var isClosed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return closed
    }

    /// Stops listening and gives the signals their default actions back (SIGQUIT keeps the quiet exit of `CrashLine`).
    func cancel() {
        lock.lock()
        closed = true
        lock.unlock()
        for source in sources { source.cancel() }
        sources.removeAll()
        for number in [SIGINT, SIGTERM, SIGHUP, SIGTSTP] { signal(number, SIG_DFL) }
        CrashLine.reinstallQuit()
    }
}
