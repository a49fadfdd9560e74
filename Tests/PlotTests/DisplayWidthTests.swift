// Display width: wide characters take two cells of a Buffer, zero-width ones none, and no half character is left.
import XCTest

@testable import Plot

final class DisplayWidthTests: XCTestCase {
    func testWidthsOfCharacters() {
        let cases: [(Character, Int)] = [
            ("a", 1), ("é", 1), ("e\u{0301}", 1), ("中", 2), ("면", 2), ("カ", 2), ("ｶ", 1), ("Ａ", 2),
            ("😀", 2), ("🏠", 2), ("❤️", 2), ("❤", 1), ("👩‍💻", 2), ("🇯🇵", 2), ("\u{200B}", 0), ("\u{0301}", 0),
            ("─", 1), ("⣿", 1), ("κ", 1), ("…", 1),
        ]
        for (character, width) in cases {
            XCTAssertEqual(character.displayWidth, width, "\(character.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        XCTAssertEqual("面积 m²".displayWidth, 7)
        XCTAssertEqual("面积 m²".prefix(columns: 3), "面")
        XCTAssertEqual("面积 m²".prefix(columns: 4), "面积")
        XCTAssertEqual("ab".prefix(columns: 5), "ab")
    }

    func testAWideCharacterTakesTwoCellsAndTheLineKeepsItsWidth() {
        var buffer = Buffer(width: 8, height: 1)
        let end = buffer.write("中文x", x: 0, y: 0)
        XCTAssertEqual(end, 5)
        XCTAssertEqual(buffer[0, 0].character, "中")
        XCTAssertTrue(buffer[1, 0].isContinuation)
        XCTAssertEqual(buffer[2, 0].character, "文")
        XCTAssertEqual(buffer[4, 0].character, "x")
        XCTAssertEqual(buffer.lines[0], "中文x   ")
        XCTAssertEqual(buffer.lines[0].displayWidth, 8)
        XCTAssertEqual(buffer.write("a\u{200B}b", x: 5, y: 0), 7, "a zero-width character takes no cell")
        XCTAssertEqual(buffer.lines[0], "中文xab ")
    }

    func testAWideCharacterThatDoesNotFitShowsAsASpace() {
        var buffer = Buffer(width: 5, height: 1)
        buffer.write("ab中", x: 2, y: 0, clip: Rect(x: 0, y: 0, width: 5, height: 1))
        XCTAssertEqual(buffer.lines[0], "  ab ", "only its left half would fit")
        XCTAssertFalse(buffer[4, 0].isContinuation)
        var clipped = Buffer(width: 5, height: 1)
        clipped.write("中b", x: 0, y: 0, clip: Rect(x: 1, y: 0, width: 4, height: 1))
        XCTAssertEqual(clipped.lines[0], "  b  ", "its left half clipped away: the right half is a space")
    }

    func testOverwritingHalfAWideCharacterClearsTheOtherHalf() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("中文", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)  // over the right half of 中
        XCTAssertEqual(buffer.lines[0], " x文  ")
        buffer.write("y", x: 2, y: 0)  // over the left half of 文
        XCTAssertEqual(buffer.lines[0], " xy   ")
        XCTAssertFalse(buffer.cells.contains { $0.isContinuation }, "no orphan right halves")

        var filled = Buffer(width: 6, height: 1)
        filled.write("中文", x: 0, y: 0)
        filled.fill(Rect(x: 1, y: 0, width: 2, height: 1), with: Cell("-"))
        XCTAssertEqual(filled.lines[0], " --   ", "a fill cutting both wide characters takes them whole")

        var restyled = Buffer(width: 4, height: 1)
        restyled.write("中", x: 0, y: 0)
        restyled[0, 0].role = .warning
        XCTAssertEqual(restyled.lines[0], "中  ", "a new style for the same character keeps it whole")
        XCTAssertTrue(restyled[1, 0].isContinuation)
    }

    func testASCIIStandInsKeepTheColumns() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("中x", x: 0, y: 0)
        buffer.transliterateToASCII()
        XCTAssertEqual(buffer.lines[0], "? x   ")
    }
}
