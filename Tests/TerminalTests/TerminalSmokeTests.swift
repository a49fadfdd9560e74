// Placeholder so the TerminalTests target builds until its real tests land.
import XCTest

final class TerminalSmokeTests: XCTestCase {
    func testTargetBuilds() { XCTAssertEqual(1 + 1, 2) }
}
