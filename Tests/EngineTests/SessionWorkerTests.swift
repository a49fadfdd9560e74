// The session's worker: jobs run off the caller's thread, in order, and a newer job of a kind replaces a waiting one.
import Dispatch
import Foundation
import XCTest

@testable import Engine

final class SessionWorkerTests: XCTestCase {
    /// A lock-guarded list the jobs append to.
    private final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []
        func append(_ entry: String) { lock.withLock { entries.append(entry) } }
        var all: [String] { lock.withLock { entries } }
    }

    func testJobsRunInOrderOffTheCallersThreadAndANewerKeyedJobReplacesAWaitingOne() {
        let worker = SessionWorker()
        defer { worker.stop() }
        let log = Log()
        let hold = DispatchSemaphore(value: 0), holding = DispatchSemaphore(value: 0)
        worker.submit {
            log.append(Thread.isMainThread ? "on the test's thread" : "first")
            holding.signal()
            hold.wait()
        }
        holding.wait()  // the first job runs; the next ones wait behind it
        XCTAssertFalse(worker.isIdle)
        worker.submit(key: "predictions") { log.append("predictions for model 1") }
        worker.submit { log.append("export") }
        worker.submit(key: "predictions") { log.append("predictions for model 2") }
        hold.signal()
        worker.waitUntilIdle()
        XCTAssertTrue(worker.isIdle)
        XCTAssertEqual(log.all, ["first", "predictions for model 2", "export"], "model 1's job was replaced in its place")
    }

    func testAStoppedWorkerDropsWhatWaitsAndTakesNoMore() {
        let worker = SessionWorker()
        let log = Log()
        worker.stop()
        worker.submit { log.append("after stop") }
        worker.waitUntilIdle()
        XCTAssertEqual(log.all, [])
    }

    func testTheSessionsWorkerNarratesWithoutTheCallerWaiting() throws {
        let data = try BuiltinDataset.diabetes.make(.init(), seed: 0)
        let session = TrainingSession(train: data, hyperparameters: .init(method: .gd, learningRate: 0.1))
        defer { session.shutdown() }
        session.start()
        let log = Log()
        session.worker.submit {
            let narration = session.narrateNextStep(rowLimit: 3)
            log.append(narration.map { "step \($0.step)" } ?? "none")
        }
        session.worker.waitUntilIdle()
        let paused = session.snapshot()
        XCTAssertNotEqual(paused.status, .running, "narrating paused the run")
        XCTAssertEqual(log.all, ["step \(paused.step)"], "it explains the step the paused run takes next")
    }
}
