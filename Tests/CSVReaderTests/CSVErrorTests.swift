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
}
