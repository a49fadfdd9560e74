// The CSV reader on good input: delimiters, quotes, CRLF, BOM, exact numbers, column choice and notices.
import XCTest
@testable import CSVReader
import Engine

final class CSVReadingTests: XCTestCase {
    private func load(_ text: String, target: String? = nil, features: [String]? = nil) throws -> (Dataset, [String]) {
        try Dataset.fromCSV(CSVTable.parse(Data(text.utf8), file: "t.csv"), target: target, features: features)
    }

    func testDelimitersAreDetected() throws {
        for delimiter in [",", ";", "\t"] {
            let text = ["a", "b", "y"].joined(separator: delimiter) + "\n"
                + ["1", "2", "3"].joined(separator: delimiter) + "\n" + ["4", "5", "6"].joined(separator: delimiter) + "\n"
            let (data, _) = try load(text)
            XCTAssertEqual(data.featureNames, ["a", "b"], "delimiter \(delimiter.debugDescription)")
            XCTAssertEqual(data.x, [1, 2, 4, 5])
            XCTAssertEqual(data.y, [3, 6])
        }
    }

    func testQuotesCRLFAndBOM() throws {
        let text = "\u{FEFF}\"first, name\";\"y\"\r\n\"1,5\";2\r\n\"3\";\"4\"\r\n"
        // Semicolon-separated with a comma inside a quoted header: the quoted comma does not count.
        let (data, _) = try load(text.replacingOccurrences(of: "\"1,5\"", with: "\"1.5\""))
        XCTAssertEqual(data.featureNames, ["first, name"])
        XCTAssertEqual(data.x, [1.5, 3])
        XCTAssertEqual(data.y, [2, 4])
    }

    func testEscapedQuotesAndLineBreaksInsideQuotes() throws {
        let (data, notices) = try load("note,x,y\n\"say \"\"hi\"\"\nthere\",1,2\nplain,3,4\n")
        XCTAssertEqual(data.featureNames, ["x"])
        XCTAssertEqual(notices, ["t.csv: skipped the non-numeric column 'note'"])
        let table = try CSVTable.parse(Data("note,x,y\n\"say \"\"hi\"\"\nthere\",1,2\nplain,3,4\n".utf8), file: "t.csv")
        XCTAssertEqual(try table.text(row: 0, column: 0), "say \"hi\"\nthere")
        XCTAssertEqual(try (0..<table.rowCount).map(table.line(ofRow:)), [2, 4])
    }

    func testNumbersParseExactlyLikeDouble() throws {
        let texts = ["0.1", "1e-310", "123456789012345678901234567890", "-0.30000000000000004", "2.5E+3", " 7 "]
        let body = texts.enumerated().map { "\($0.element),\($0.offset)" }.joined(separator: "\n")
        let (data, _) = try load("x,y\n" + body + "\n")
        for (i, text) in texts.enumerated() {
            XCTAssertEqual(data.x[i].bitPattern, Double(text.trimmingCharacters(in: .whitespaces))!.bitPattern, text)
        }
    }

    func testTargetAndFeatureChoice() throws {
        let text = "a,b,c,d\n1,2,3,4\n5,6,7,8\n"
        let (byDefault, _) = try load(text)
        XCTAssertEqual(byDefault.targetName, "d")
        XCTAssertEqual(byDefault.featureNames, ["a", "b", "c"])
        let (chosen, _) = try load(text, target: "a", features: ["c", "b"])
        XCTAssertEqual(chosen.targetName, "a")
        XCTAssertEqual(chosen.featureNames, ["c", "b"])
        XCTAssertEqual(chosen.x, [3, 2, 7, 6])
        XCTAssertEqual(chosen.y, [1, 5])
    }

    func testAnUnusedBadNumericColumnIsNotAnError() throws {
        let (data, _) = try load("a,b,y\n1,NA,3\n4,5,6\n", features: ["a"])
        XCTAssertEqual(data.x, [1, 4])
    }
}
