// A value behind a lock, read and changed from any thread: the one lock-guarded slot type.
import Foundation

/// One value guarded by an `NSLock` (not Synchronization.Mutex, which the thread sanitizer reports falsely).
/// Every access goes through `withLock`, so no thread sees the value half-changed.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, holding the lock; what `body` changes is kept.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
