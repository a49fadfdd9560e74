// The trainer's --fps takes 1…60 frames a second and says so, on one line, for anything else.
import TestSupport
import XCTest

final class FrameRateOptionTests: XCTestCase {
    func testOutOfRangeFrameRatesAreRejectedNamingTheOption() throws {
        for value in ["0", "61", "-3", "nan"] {
            let outcome = try DescentProcess.run(["--fps", value])
            XCTAssertEqual(outcome.status, 1, "--fps \(value): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.hasPrefix("descent: --fps: must be between 1 and 60"), outcome.stderr)
            XCTAssertEqual(outcome.stderr.split(separator: "\n").count, 1, outcome.stderr)
        }
    }
}
