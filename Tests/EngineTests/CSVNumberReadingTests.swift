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
        XCTAssertEqual(table.rowLines, [2, 4, 7])
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
}
