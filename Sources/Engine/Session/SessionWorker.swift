// The session's second thread: work the UI asks for but must not wait for (landscape, predictions, exports, narration).
import Foundation

/// Runs jobs one at a time, in the order submitted, on a thread of its own (`descent.session-worker`), so that
/// neither the training thread nor the caller's waits for them. A job submitted with the `key` of one still
/// waiting replaces it: only the newest question of a kind is answered (the predictions for the latest model,
/// say). Jobs hand their results back themselves (into a lock-guarded place the caller reads).
public final class SessionWorker: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [(key: String?, job: @Sendable () -> Void)] = []
    private var busy = false
    private var stopped = false
    private var thread: Thread?

    public init() {}

    /// Queues `job`; returns at once. The thread starts with the first job.
    public func submit(key: String? = nil, _ job: @escaping @Sendable () -> Void) {
        condition.lock()
        defer { condition.unlock() }
        guard !stopped else { return }
        if let key, let index = queue.firstIndex(where: { $0.key == key }) {
            queue[index].job = job
        } else {
            queue.append((key, job))
        }
        if thread == nil {
            let thread = Thread { [self] in loop() }
            thread.name = "descent.session-worker"
            self.thread = thread
            thread.start()
        }
        condition.broadcast()
    }

    /// Whether no job is running or waiting (a look that never waits).
    public var isIdle: Bool {
        condition.lock()
        defer { condition.unlock() }
        return queue.isEmpty && !busy
    }

    /// Blocks until every job submitted so far has run (for tests and benchmarks; never from a frame loop).
    public func waitUntilIdle() {
        condition.lock()
        defer { condition.unlock() }
        while (!queue.isEmpty || busy) && !stopped { condition.wait() }
    }

    /// Drops the waiting jobs and ends the thread after the running one.
    public func stop() {
        condition.lock()
        stopped = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while queue.isEmpty && !stopped { condition.wait() }
            if stopped {
                condition.broadcast()
                condition.unlock()
                return
            }
            let next = queue.removeFirst()
            busy = true
            condition.unlock()
            next.job()
            condition.lock()
            busy = false
            condition.broadcast()
            condition.unlock()
        }
    }
}
