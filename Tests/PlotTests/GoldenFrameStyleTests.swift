// The golden style file: a change of role or attribute alone changes it, as a change of character changes the text.
import Plot
import TestSupport
import XCTest

final class GoldenFrameStyleTests: XCTestCase {
    func testAColourRegressionChangesTheStyleFileNotTheText() {
        var drawn = Buffer(width: 4, height: 2)
        drawn.write("ab", x: 0, y: 0, role: .title, attributes: .bold)
        drawn.write("c", x: 1, y: 1, role: .warning)
        XCTAssertEqual(GoldenFrame.styles(drawn), "aabb\nbcbb\n\na = title bold\nb = text\nc = warning\n")
        var recoloured = drawn
        recoloured.write("c", x: 1, y: 1, role: .error)
        XCTAssertEqual(GoldenFrame.text(recoloured), GoldenFrame.text(drawn))
        XCTAssertNotEqual(GoldenFrame.styles(recoloured), GoldenFrame.styles(drawn))
    }
}
