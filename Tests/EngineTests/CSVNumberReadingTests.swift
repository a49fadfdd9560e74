// The one-pass CSV reader: numbers bit-exact on a large random file, places after multi-line quotes, bad bytes.
import XCTest
@testable import Engine

final class CSVNumberReadingTests: XCTestCase {
    func testRandomNumbersInEveryNotationReadBitExactly() throws {
        var random = SeededGenerator(seed: 5)
        var text = "a,b,c\n"
        var expected: [[Double]] = [[], [], []]
        for _ in 0..<20_000 {
            var cells: [String] = []
            for c in 0..<3 {
                let value = random.nextGaussian() * pow(10, Double(random.nextInt(below: 24)) - 12)
                let cell: String
                switch random.nextInt(below: 4) {
                case 0: cell = "\(value)"
                case 1: cell = String(format: "%.17g", value)
                case 2: cell = String(format: "%.3f", value)
                default: cell = "\"\(String(format: "%.12e", value))\" "
                }
                cells.append(cell)
                let trimmed = cell.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\"", with: "")
                expected[c].append(Double(trimmed)!)
            }
            text += cells.joined(separator: ",") + (random.nextInt(below: 2) == 0 ? "\n" : "\r\n")
        }
        let table = try CSVTable.parse(Data(text.utf8), file: "r.csv")
        XCTAssertEqual(table.rowCount, 20_000)
        for c in 0..<3 {
            XCTAssertEqual(try table.numbers(column: c).map(\.bitPattern), expected[c].map(\.bitPattern), "column \(c)")
        }
    }

    func testPlacesAfterAQuotedFieldSpanningLines() throws {
        let text = "note,x,y\n\"two\nlines\",1,2\n\"three\n\nlines\", 4 ,oops\nlast,5,6\n"
        XCTAssertThrowsError(try Dataset.fromCSV(CSVTable.parse(Data(text.utf8), file: "q.csv"), target: "y", features: ["x"])) {
            XCTAssertEqual("\($0)", "q.csv:6:12: 'oops' in column 'y' is not a number")
        }
        let table = try CSVTable.parse(Data(text.utf8), file: "q.csv")
        XCTAssertEqual((0..<table.rowCount).map(table.line(ofRow:)), [2, 4, 7])
        XCTAssertEqual(table.text(row: 1, column: 0), "three\n\nlines")
        XCTAssertEqual(table.text(row: 1, column: 1), " 4 ")
        XCTAssertEqual(try table.numbers(column: 1), [1, 4, 5])
    }

    func testBytesThatAreNotUTF8AreReported() throws {
        var bytes = Array("x,y\n1,2\n3,".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\n5,6\n".utf8)
        XCTAssertThrowsError(try CSVTable.parse(Data(bytes), file: "b.csv")) {
            XCTAssertEqual("\($0)", "b.csv: cannot read the file: it is not UTF-8 text")
        }
    }

    /// A quote-free file over a megabyte is read in two halves: rows, lines and messages are as if read in one.
    func testLargeFilesReadInTwoHalvesGiveTheSameRowsLinesAndMessages() throws {
        var random = SeededGenerator(seed: 8)
        var lines = ["a,b"]
        var expectedLines: [Int] = [], values: [Double] = []
        for row in 0..<60_000 {
            if row % 997 == 0 { lines.append("") }  // blank lines are skipped but counted
            let value = random.nextGaussian()
            lines.append("\(value),\(row)")
            expectedLines.append(lines.count)
            values.append(value)
        }
        let text = lines.joined(separator: "\r\n") + "\r\n"
        XCTAssertGreaterThan(text.utf8.count, CSVTable.parallelBytes)
        let table = try CSVTable.parse(Data(text.utf8), file: "big.csv")
        XCTAssertEqual((0..<table.rowCount).map(table.line(ofRow:)), expectedLines)
        XCTAssertEqual(try table.numbers(column: 0).map(\.bitPattern), values.map(\.bitPattern))
        XCTAssertEqual(try table.numbers(column: 1), (0..<60_000).map(Double.init))
        XCTAssertEqual(table.text(row: 45_000, column: 1), "45000")

        // A bad cell and a ragged row late in the file: the same messages as a one-piece read gives.
        var bad = lines
        bad[expectedLines[50_000] - 1] = "oops,1"
        XCTAssertThrowsError(try Dataset.fromCSV(CSVTable.parse(Data(bad.joined(separator: "\n").utf8), file: "big.csv"))) {
            XCTAssertEqual("\($0)", "big.csv:\(expectedLines[50_000]):1: 'oops' in column 'a' is not a number")
        }
        bad[expectedLines[55_000] - 1] = "1,2,3"
        XCTAssertThrowsError(try CSVTable.parse(Data(bad.joined(separator: "\n").utf8), file: "big.csv")) {
            XCTAssertEqual("\($0)", "big.csv:\(expectedLines[55_000]):5: this row has 3 fields but the header has 2")
        }
    }
}
