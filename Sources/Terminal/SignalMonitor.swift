// Turns SIGINT and SIGTERM into events the frame loop handles, so the terminal is restored in order.
import Dispatch
import Foundation

/// Catches SIGINT and SIGTERM on a dispatch queue (never in a signal handler) and remembers the first one.
/// If the app does not react within `graceSeconds`, it restores the terminal itself and exits with 128 + signal.
final class SignalMonitor: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: Int32?
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "descent.signals")
    private let graceSeconds: Double

    init(signals: [Int32] = [SIGINT, SIGTERM], graceSeconds: Double = 1.5) {
        self.graceSeconds = graceSeconds
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in self?.received(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// The first signal received and not yet taken, if any; taking it clears it.
    func take() -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        let value = pending
        pending = nil
        return value
    }

    private func received(_ number: Int32) {
        lock.lock()
        if pending == nil { pending = number }
        lock.unlock()
        queue.asyncAfter(deadline: .now() + graceSeconds) {
            // The frame loop did not exit in time (it may be stuck): restore from here and leave.
            EmergencyRestore.run()
            _exit(128 + number)
        }
    }

    /// Stops listening and gives the signals their default actions back.
    func cancel() {
        for source in sources { source.cancel() }
        sources.removeAll()
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
