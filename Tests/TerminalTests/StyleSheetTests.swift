// Tests for style lookup: dotted roles fall back to their parents, then to the base style.
import Plot
import Terminal
import XCTest

final class StyleSheetTests: XCTestCase {
    func testFallbackThroughDottedParents() {
        let base = TextStyle(foreground: RGBColor(hex: "#ffffff"), background: RGBColor(hex: "#000000"))
        let loss = TextStyle(foreground: RGBColor(hex: "#ff0000"))
        let train = TextStyle(foreground: RGBColor(hex: "#00ff00"), attributes: [.bold])
        let sheet = StyleSheet(base: base, styles: ["loss": loss, "loss.train": train])
        XCTAssertEqual(sheet.style(for: "loss.train").foreground, RGBColor(hex: "#00ff00"))
        XCTAssertEqual(sheet.style(for: "loss.train").attributes, [.bold])
        XCTAssertEqual(sheet.style(for: "loss.test").foreground, RGBColor(hex: "#ff0000"))
        XCTAssertEqual(sheet.style(for: "weights.positive"), base)
        // A role without a background shows the base background, so panels do not punch holes in it.
        XCTAssertEqual(sheet.style(for: "loss.train").background, RGBColor(hex: "#000000"))
    }
}
