// ASCII stand-ins: box drawing, blocks, braille and symbols map to look-alikes; ASCII stays as it is.
import XCTest

@testable import Plot

final class ASCIIStandInTests: XCTestCase {
    func testGlyphsMapToLookAlikes() {
        XCTAssertEqual("╭──╮".map(\.asciiStandIn), Array("+--+"))
        XCTAssertEqual("━━●─┃".map(\.asciiStandIn), Array("==O-|"))
        XCTAssertEqual(Character("◆").asciiStandIn, "*")
        XCTAssertEqual(Character("×").asciiStandIn, "x")
        XCTAssertEqual(Character("η").asciiStandIn, "n")
        XCTAssertEqual(Character("a").asciiStandIn, "a", "ASCII is kept")
        XCTAssertEqual(Character("🙂").asciiStandIn, "?", "unknown becomes ?")
    }

    func testBrailleBecomesADensityMark() {
        XCTAssertEqual(Character("\u{2800}").asciiStandIn, " ")
        XCTAssertEqual(Character("\u{2801}").asciiStandIn, ".")
        XCTAssertEqual(Character("\u{2807}").asciiStandIn, ":")
        XCTAssertEqual(Character("\u{28FF}").asciiStandIn, "#")
    }

    func testBufferTransliterationKeepsRolesAndLeavesNothingOutsideASCII() {
        var buffer = Buffer(width: 6, height: 2)
        buffer.write("╭─ab╮", x: 0, y: 0, role: .border, attributes: [.bold])
        buffer.write("⣿ ◆·", x: 0, y: 1, role: .lossTrain)
        buffer.transliterateToASCII()
        XCTAssertEqual(buffer.lines, ["+-ab+ ", "# *.  "])
        XCTAssertEqual(buffer[0, 0].role, .border)
        XCTAssertEqual(buffer[0, 0].attributes, [.bold])
        XCTAssertEqual(buffer[2, 1].role, .lossTrain)
        XCTAssertTrue(buffer.text.allSatisfy(\.isASCII))
    }
}
