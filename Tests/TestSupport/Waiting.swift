// The one polling wait of the tests: a condition on another thread's work, checked until it holds or time runs out.
import Engine
import Foundation
import XCTest

/// Checks `condition` every millisecond until it holds or `seconds` pass; fails naming `what` if it never does.
/// Returns whether it held. No test asserts how long anything takes: the limit only ends a hung test.
@discardableResult
public func waitFor(
    _ what: String, seconds: Double = 20, file: StaticString = #filePath, line: UInt = #line, _ condition: () -> Bool
) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while !condition() {
        guard Date() < deadline else {
            XCTFail("timed out waiting for \(what)", file: file, line: line)
            return false
        }
        Thread.sleep(forTimeInterval: 0.001)
    }
    return true
}

/// `waitFor` on a session's snapshots.
@discardableResult
public func waitFor(
    _ session: TrainingSession, _ what: String, seconds: Double = 20, file: StaticString = #filePath, line: UInt = #line,
    _ condition: (TrainingSnapshot) -> Bool
) -> Bool {
    waitFor(what, seconds: seconds, file: file, line: line) { condition(session.snapshot()) }
}
