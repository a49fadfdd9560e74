// Tests for colour parsing and nearest-colour matching on 256-, 16- and 8-colour terminals.
import Terminal
import XCTest

final class ColorDepthTests: XCTestCase {
    func testHexParsing() {
        XCTAssertEqual(RGBColor(hex: "#56b4e9"), RGBColor(red: 0x56, green: 0xb4, blue: 0xe9))
        XCTAssertEqual(RGBColor(hex: "#fff"), RGBColor(red: 255, green: 255, blue: 255))
        XCTAssertEqual(RGBColor(hex: "#56b4e9")?.description, "#56b4e9")
        XCTAssertNil(RGBColor(hex: "56b4e9"))
        XCTAssertNil(RGBColor(hex: "#56b4e"))
        XCTAssertNil(RGBColor(hex: "#zzzzzz"))
    }

    func testDepthFromColourCount() {
        XCTAssertEqual(ColorDepth(colorCount: 256, noColor: false), .indexed256)
        XCTAssertEqual(ColorDepth(colorCount: 16, noColor: false), .sixteen)
        XCTAssertEqual(ColorDepth(colorCount: 8, noColor: false), .eight)
        XCTAssertEqual(ColorDepth(colorCount: 0, noColor: false), .none)
        XCTAssertEqual(ColorDepth(colorCount: 256, noColor: true), .none)
    }

    func testNearestColours() {
        let red = RGBColor(red: 255, green: 0, blue: 0)
        XCTAssertEqual(ColorDepth.indexed256.nearestIndex(to: red), 196)
        XCTAssertEqual(ColorDepth.sixteen.nearestIndex(to: red), 9)
        XCTAssertEqual(ColorDepth.eight.nearestIndex(to: red), 1)
        XCTAssertNil(ColorDepth.none.nearestIndex(to: red))
        // A mid grey lands on the grey ramp, not on a tinted cube entry.
        XCTAssertEqual(ColorDepth.indexed256.nearestIndex(to: RGBColor(red: 128, green: 128, blue: 128)), 244)
        // Okabe–Ito sky blue stays blue-ish on 8 colours (cyan) rather than turning grey.
        XCTAssertEqual(ColorDepth.eight.nearestIndex(to: RGBColor(hex: "#56b4e9")!), 6)
    }
}
