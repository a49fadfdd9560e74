// Dot-level checks of DotCanvas: braille bit patterns, half-blocks, ASCII markers, clipping, transparency.
import Plot
import XCTest

final class DotCanvasTests: XCTestCase {
    /// Every one of the 8 dots of a braille cell, with origin bottom-left, sets its documented bit.
    func testEachBrailleDotSetsItsBit() {
        // (x, y from bottom) → bit, for a 1×1-cell canvas (2×4 dots).
        let expected: [((Int, Int), UInt8)] = [
            ((0, 3), 0x01), ((0, 2), 0x02), ((0, 1), 0x04), ((0, 0), 0x40),
            ((1, 3), 0x08), ((1, 2), 0x10), ((1, 1), 0x20), ((1, 0), 0x80),
        ]
        for ((x, y), bit) in expected {
            var canvas = DotCanvas(mode: .braille, columns: 1, rows: 1)
            canvas.plot(x: x, y: y, role: .lossTrain)
            XCTAssertEqual(canvas.pattern(column: 0, row: 0), bit, "dot (\(x), \(y))")
            XCTAssertEqual(canvas.character(column: 0, row: 0), Character(Unicode.Scalar(0x2800 + UInt32(bit))!))
        }
    }

    /// A diagonal across a 2×1-cell canvas, checked dot by dot against the expected bit patterns.
    func testBrailleLineFrameDotByDot() {
        var canvas = DotCanvas(mode: .braille, columns: 2, rows: 1)
        canvas.line(from: (0, 0), to: (3, 3), role: .lossTrain)
        // Dots (0,0) (1,1) in cell 0 → 0x40 | 0x20; dots (2,2) (3,3) in cell 1 → 0x02 | 0x08.
        XCTAssertEqual(canvas.pattern(column: 0, row: 0), 0x60)
        XCTAssertEqual(canvas.pattern(column: 1, row: 0), 0x0A)
        var buffer = Buffer(width: 2, height: 1)
        canvas.render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.text, "\u{2860}\u{280A}")
        XCTAssertEqual(buffer[0, 0].role, .lossTrain)
    }

    /// Dots OR together: a full cell is U+28FF.
    func testAllDotsMakeAFullCell() {
        var canvas = DotCanvas(mode: .braille, columns: 1, rows: 1)
        for x in 0..<2 { for y in 0..<4 { canvas.plot(x: x, y: y, role: .text) } }
        XCTAssertEqual(canvas.character(column: 0, row: 0), "⣿")
    }

    func testHalfBlocks() {
        var canvas = DotCanvas(mode: .halfBlock, columns: 3, rows: 1)
        canvas.plot(x: 0, y: 1, role: .text)
        canvas.plot(x: 1, y: 0, role: .text)
        canvas.plot(x: 2, y: 0, role: .text)
        canvas.plot(x: 2, y: 1, role: .text)
        var buffer = Buffer(width: 3, height: 1)
        canvas.render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.text, "▀▄█")
    }

    func testASCIIMarkerAndLastRoleWins() {
        var canvas = DotCanvas(mode: .ascii, columns: 2, rows: 2)
        canvas.plot(x: 0, y: 0, role: .lossTrain, marker: "*")
        canvas.plot(x: 0, y: 0, role: .lossTest, marker: "o")
        var buffer = Buffer(width: 2, height: 2)
        canvas.render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.lines, ["  ", "o "])
        XCTAssertEqual(buffer[0, 1].role, .lossTest)
    }

    func testLinesFarOutsideAreClippedCheaply() {
        var canvas = DotCanvas(mode: .braille, columns: 4, rows: 2)
        canvas.line(from: (-1_000_000_000, 4), to: (1_000_000_000, 4), role: .text)
        canvas.line(from: (-50, -50), to: (-10, -1), role: .text)  // entirely outside
        var buffer = Buffer(width: 4, height: 2)
        canvas.render(into: &buffer, area: buffer.area)
        // Dot rows 0-3 are the lower cell row, so y = 4 is the bottom dot row of the upper one: bits 0x40|0x80.
        XCTAssertEqual(buffer.lines, ["⣀⣀⣀⣀", "    "])
    }

    func testUndrawnCellsAreTransparentAndOverlaysWin() {
        var buffer = Buffer(width: 3, height: 1)
        buffer.write("abc", x: 0, y: 0)
        var canvas = DotCanvas(mode: .braille, columns: 3, rows: 1)
        canvas.plot(x: 0, y: 0, role: .text)
        canvas.overlay(column: 2, row: 0, cell: Cell("×", role: .scatterTest))
        canvas.render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.text, "⡀b×")
        XCTAssertEqual(buffer[2, 0].role, .scatterTest)
    }

    func testZeroSizeCanvas() {
        var canvas = DotCanvas(mode: .braille, columns: 0, rows: 0)
        canvas.line(from: (0, 0), to: (5, 5), role: .text)
        canvas.plot(x: 0, y: 0, role: .text)
        var buffer = Buffer(width: 0, height: 0)
        canvas.render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.text, "")
    }
}
