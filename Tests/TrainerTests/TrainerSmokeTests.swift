// Placeholder so the TrainerTests target builds until its real tests land.
import XCTest

final class TrainerSmokeTests: XCTestCase {
    func testTargetBuilds() { XCTAssertEqual(1 + 1, 2) }
}
