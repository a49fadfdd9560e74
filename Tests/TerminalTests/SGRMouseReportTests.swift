// SGR mouse reports decode to events at any column, and anything else after ESC is left alone.
import XCTest
@testable import Terminal

final class SGRMouseReportTests: XCTestCase {
    private func parse(_ text: String) -> SGRMouseReport.Parse { SGRMouseReport.parse(Array(text)) }

    func testPressReleaseDragAndWheelPastColumn223() {
        XCTAssertEqual(parse("[<0;250;10M"), .report(.mouse(button: .left, action: .press, x: 249, y: 9), consumed: 11))
        XCTAssertEqual(parse("[<0;250;10m"), .report(.mouse(button: .left, action: .release, x: 249, y: 9), consumed: 11))
        XCTAssertEqual(parse("[<32;300;2M"), .report(.mouse(button: .left, action: .drag, x: 299, y: 1), consumed: 11))
        XCTAssertEqual(parse("[<64;5;5M"), .report(.mouse(button: .wheelUp, action: .press, x: 4, y: 4), consumed: 9))
        XCTAssertEqual(parse("[<65;5;5Mq"), .report(.mouse(button: .wheelDown, action: .press, x: 4, y: 4), consumed: 9))
        // The right button (tmux sends ESC [<2;X;YM and …m) removes a point in the Fit view; motion with none held is ignored.
        XCTAssertEqual(parse("[<2;5;5M"), .report(.mouse(button: .right, action: .press, x: 4, y: 4), consumed: 8))
        XCTAssertEqual(parse("[<2;5;5m"), .report(.mouse(button: .right, action: .release, x: 4, y: 4), consumed: 8))
        XCTAssertEqual(parse("[<1;5;5M"), .report(.mouse(button: .middle, action: .press, x: 4, y: 4), consumed: 8))
        XCTAssertEqual(parse("[<35;5;5M"), .report(nil, consumed: 9), "motion with no button held is read and ignored")
    }

    func testPartialAndForeignSequences() {
        XCTAssertEqual(parse("[<0;25"), .incomplete)
        XCTAssertEqual(parse(""), .incomplete)
        XCTAssertEqual(parse("[A"), .notAReport)
        XCTAssertEqual(parse("x"), .notAReport)
        XCTAssertEqual(parse("[<0;;5M"), .notAReport)
        XCTAssertEqual(parse("[<0;1;2;3M"), .notAReport)
        XCTAssertEqual(parse("[<9999999;1;1M"), .notAReport)
    }
}
