// Placeholder so the PlotTests target builds until its real tests land.
import XCTest

final class PlotSmokeTests: XCTestCase {
    func testTargetBuilds() { XCTAssertEqual(1 + 1, 2) }
}
