// The one-pass CSV reader: numbers bit-exact on a large random file, places after multi-line quotes, bad bytes.
import XCTest
@testable import CSVReader
import Engine

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
        XCTAssertEqual(try (0..<table.rowCount).map(table.line(ofRow:)), [2, 4, 7])
        XCTAssertEqual(try table.text(row: 1, column: 0), "three\n\nlines")
        XCTAssertEqual(try table.text(row: 1, column: 1), " 4 ")
        XCTAssertEqual(try table.numbers(column: 1), [1, 4, 5])
    }

    func testBytesThatAreNotUTF8AreReported() throws {
        var bytes = Array("x,y\n1,2\n3,".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\n5,6\n".utf8)
        XCTAssertThrowsError(try CSVTable.parse(Data(bytes), file: "b.csv")) {
            XCTAssertEqual("\($0)", "b.csv:3:3: this field is not UTF-8 text")
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
        XCTAssertEqual(try (0..<table.rowCount).map(table.line(ofRow:)), expectedLines)
        XCTAssertEqual(try table.numbers(column: 0).map(\.bitPattern), values.map(\.bitPattern))
        XCTAssertEqual(try table.numbers(column: 1), (0..<60_000).map(Double.init))
        XCTAssertEqual(try table.text(row: 45_000, column: 1), "45000")

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

    /// A quoted field with line breaks where the two-halves read would split (the first half's last field is then
    /// never closed, and the rows are read in one piece), and a quote only in the second half, give the rows and
    /// lines of a one-piece read.
    func testQuotesInALargeFileAreReadAsOnePiece() throws {
        var lines = ["note,a,b"]
        for row in 0..<90_000 { lines.append("\(row % 10),\(row).25,\(row % 7)") }
        // The data line holding the byte in the middle of the rows, where the two-halves read would split.
        let rowBytes = lines.dropFirst().map { $0.utf8.count + 1 }
        let half = rowBytes.reduce(0, +) / 2
        var before = 0, middle = 0
        while before + rowBytes[middle] <= half {
            before += rowBytes[middle]
            middle += 1
        }
        middle += 1
        var straddling = lines
        straddling[middle] = "\"one\ntwo\nthree\",1,2"
        var secondHalf = lines
        secondHalf[middle + 20_000] = "\"7\",3,4"
        // The two-halves read would cut the three-line field after "one" or "two".
        let straddlingText = Array((straddling.joined(separator: "\n") + "\n").utf8)
        let rowsStart = lines[0].utf8.count + 1, split = rowsStart + (straddlingText.count - rowsStart) / 2
        let fieldStart = straddling[..<middle].reduce(0) { $0 + $1.utf8.count + 1 }
        XCTAssertTrue(split >= fieldStart && split < fieldStart + 9, "the split \(split) misses the field at \(fieldStart)")
        for (name, variant) in [("straddling", straddling), ("second half", secondHalf)] {
            let text = variant.joined(separator: "\n") + "\n"
            XCTAssertGreaterThan(text.utf8.count, CSVTable.parallelBytes)
            let table = try CSVTable.parse(Data(text.utf8), file: "q.csv")
            XCTAssertEqual(table.rowCount, 90_000, name)
            XCTAssertEqual(table.columns[0].textCount, name == "straddling" ? 1 : 0, name)
            let a = try table.numbers(column: 1), b = try table.numbers(column: 2)
            for row in [0, middle - 2, middle - 1, middle, middle + 19_999, middle + 20_000, 89_999] {
                let cells = variant[row + 1].hasPrefix("\"")
                    ? (name == "second half" ? [3.0, 4] : [1, 2]) : [Double(row) + 0.25, Double(row % 7)]
                XCTAssertEqual([a[row], b[row]], cells, "\(name), row \(row)")
            }
            XCTAssertEqual(table.value(row: middle + 19_999, column: 0), name == "second half" ? 7 : Double((middle + 19_999) % 10), name)
            // The rows after the three-line field start two lines later than they would have.
            let shift = name == "straddling" ? 2 : 0
            XCTAssertEqual(try table.line(ofRow: middle), middle + 2 + shift, name)
            XCTAssertEqual(try table.line(ofRow: 89_999), 90_001 + shift, name)
        }
    }
}
