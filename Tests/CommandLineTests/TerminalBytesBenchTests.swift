// descent bench --terminal-only: the trainer's bytes a second through a pseudo-terminal, both sizes, real frames read.
import Foundation
import TestSupport
import XCTest

final class TerminalBytesBenchTests: XCTestCase {
    func testBothSizesAreMeasuredFromFramesTheTrainerReallyWrote() throws {
        let outcome = try DescentProcess.run(["bench", "--terminal-only", "--quick", "--json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("bench: terminal bytes: done"), outcome.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let small = try XCTUnwrap(object["terminal_bytes_per_s_120x40"] as? Double)
        let large = try XCTUnwrap(object["terminal_bytes_per_s_200x60"] as? Double)
        // Training redraws the loss curve at least every frame: far more than nothing, whatever the machine's speed.
        XCTAssertGreaterThan(small, 1000)
        XCTAssertGreaterThan(large, 1000)
    }
}
