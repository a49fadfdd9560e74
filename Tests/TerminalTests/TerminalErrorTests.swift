// Tests that terminal failures read as one line that points to the headless command.
import Terminal
import XCTest

final class TerminalErrorTests: XCTestCase {
    func testNotATerminalPointsToFit() {
        let text = TerminalError.notATerminal.description
        XCTAssertTrue(text.contains("descent fit"))
        XCTAssertFalse(text.contains("\n"))
    }

    func testNcursesBackendRefusesWithoutATerminal() throws {
        // Under `swift test` stdin is not a TTY (or stdout is captured); the backend must refuse, not crash.
        guard isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 else { throw XCTSkip("running in a terminal") }
        XCTAssertThrowsError(try NcursesBackend(noColor: false)) { error in
            XCTAssertEqual(error as? TerminalError, .notATerminal)
        }
    }
}
