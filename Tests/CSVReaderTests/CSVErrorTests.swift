// Every bad-input case of the CSV reader gives its one-line message naming the place.
import XCTest
@testable import CSVReader
import Engine

final class CSVErrorTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes `text` to a temp file and loads it; returns the file's path.
    private func write(_ text: String, name: String = "data.csv") throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func loadError(_ text: String, target: String? = nil, features: [String]? = nil) throws -> String {
        let path = try write(text)
        do {
            _ = try DataSpecification(source: .csv(path: path), target: target, features: features).load()
        } catch let error as DataError {
            let message = error.description
            XCTAssertFalse(message.contains("\n"), "one line: \(message)")
            return message.replacingOccurrences(of: path, with: "data.csv")
        }
        XCTFail("expected an error for:\n\(text)")
        return ""
    }

    func testMissingFile() throws {
        let path = directory.appendingPathComponent("nope.csv").path
        XCTAssertThrowsError(try DataSpecification(source: .csv(path: path)).load()) { error in
            XCTAssertEqual("\(error)", "\(path): no such file")
        }
    }

    func testEmptyHeaderOnlyAndOneRow() throws {
        XCTAssertEqual(try loadError(""), "data.csv: the file is empty; expected a header row and at least 2 data rows")
        XCTAssertEqual(try loadError("\n\n"), "data.csv: the file is empty; expected a header row and at least 2 data rows")
        XCTAssertEqual(try loadError("x,y\n"), "data.csv: only a header row; expected at least 2 data rows")
        XCTAssertEqual(try loadError("x,y\n1,2\n"), "data.csv: only 1 data row; need at least 2")
    }

    func testRaggedRows() throws {
        XCTAssertEqual(try loadError("x,y\n1,2\n3,4,5\n"), "data.csv:3:5: this row has 3 fields but the header has 2")
        XCTAssertEqual(try loadError("x,y,z\n1,2,3\n3,4\n"), "data.csv:3:4: this row has 2 fields but the header has 3")
    }

    func testDuplicateColumnNames() throws {
        XCTAssertEqual(try loadError("x,y,x\n1,2,3\n4,5,6\n"), "data.csv:1:5: duplicate column name 'x'")
    }

    func testBadValuesInUsedColumns() throws {
        XCTAssertEqual(
            try loadError("x,y\n1,2\nNA,3\n4,5\n"),
            "data.csv:3:1: the missing value 'NA' in column 'x'; remove the row or fill it in")
        XCTAssertEqual(
            try loadError("x,y\n1,2\n3,\n4,5\n"),
            "data.csv:3:3: an empty value in column 'y'; remove the row or fill it in")
        XCTAssertEqual(try loadError("x,y\n1,2\n3,abc\n4,5\n5,6\n"), "data.csv:3:3: 'abc' in column 'y' is not a number")
        XCTAssertEqual(try loadError("x,y\n1,2\nNaN,3\n4,5\n"), "data.csv:3:1: 'NaN' in column 'x' is not a finite number")
        XCTAssertEqual(try loadError("x,y\n1,2\n3,-inf\n4,5\n"), "data.csv:3:3: '-inf' in column 'y' is not a finite number")
        XCTAssertEqual(try loadError("x,y\n1,2\n3,1e999\n4,5\n"), "data.csv:3:3: '1e999' in column 'y' is not a finite number")
    }

    func testUnknownTargetOrFeature() throws {
        XCTAssertEqual(
            try loadError("a,b,c\n1,2,3\n4,5,6\n", target: "d"),
            "data.csv:1: --target 'd' names no column (columns: a, b, c)")
        XCTAssertEqual(
            try loadError("a,b,c\n1,2,3\n4,5,6\n", features: ["a", "z"]),
            "data.csv:1: --features 'z' names no column (columns: a, b, c)")
    }

    func testUnterminatedQuote() throws {
        XCTAssertEqual(try loadError("x,y\n1,2\n\"3,4\n5,6\n"), "data.csv:3:1: a quoted field is never closed")
    }

    func testTestFractionLeavingTooFewRows() throws {
        let path = try write("x,y\n1,2\n3,4\n5,7\n")
        XCTAssertThrowsError(try DataSpecification(source: .csv(path: path), testFraction: 0.5).load()) { error in
            XCTAssertTrue("\(error)".hasPrefix("--test-fraction: "), "\(error)")
        }
    }

    /// A cell or header holding terminal escapes or a byte that splits lines is quoted escaped, never raw.
    func testControlCharactersInQuotedInputAreEscaped() throws {
        let title = "\u{1B}]0;pwned\u{07}\u{1B}[31m"
        let message = try loadError("x,y\n1,2\n3,\(title)\n4,5\n")
        XCTAssertEqual(message, "data.csv:3:3: '\\x1b]0;pwned\\x07\\x1b[31m' in column 'y' is not a number")
        XCTAssertEqual(
            try loadError("a\u{1B},b,a\u{1B}\n1,2,3\n4,5,6\n"), "data.csv:1:6: duplicate column name 'a\\x1b'")
        XCTAssertEqual(
            try loadError("a\u{1D}b,y\n1,2\nzz,3\n4,5\n5,6\n"), "data.csv:3:1: 'zz' in column 'a\\x1db' is not a number")
        XCTAssertEqual(
            try loadError("a,b\n1,2\n3,4\n", target: "c\u{9B}2J"),
            "data.csv:1: --target 'c\\u{009b}2J' names no column (columns: a, b)")
        for message in [message, try loadError("x,\u{202E}y\n1,2\n3,\u{85}\n4,5\n")] {
            XCTAssertFalse(message.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || $0.value == 0x202E }, message)
        }
    }

    func testTheEscapingKeepsPrintableTextAndMarksBackslashes() {
        XCTAssertEqual("naïve 価格 👩‍💻 \\x".escapedForMessage, "naïve 価格 👩‍💻 \\x", "printable text and backslashes kept")
        XCTAssertEqual("\u{1B}]0;x\u{7}".escapedForMessage.escapedForMessage, "\u{1B}]0;x\u{7}".escapedForMessage, "escaping twice changes nothing")
        XCTAssertEqual("a\tb\nc\rd\u{0}\u{7F}".escapedForMessage, "a\\tb\\nc\\rd\\x00\\x7f")
        XCTAssertEqual("\u{2028}\u{FEFF}".escapedForMessage, "\\u{2028}\\u{feff}")
    }
}
