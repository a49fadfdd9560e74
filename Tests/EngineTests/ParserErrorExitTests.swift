// Input the argument parser rejects exits 1 with one line, like every other bad input (as the README says).
import XCTest

final class ParserErrorExitTests: XCTestCase {
    func testParserRejectionsExitOneWithOneLineNamingTheOption() throws {
        let cases: [([String], String)] = [
            (["fit", "--dataset", "nope"], "--dataset"),
            (["fit", "--steps", "many"], "--steps"),
            (["fit", "--frobnicate"], "--frobnicate"),
            (["race", "--headless", "--batch-size", "x"], "--batch-size"),
            (["bench", "--rows", "1"], "--rows"),
        ]
        for (arguments, option) in cases {
            let outcome = try DescentProcess.run(arguments)
            XCTAssertEqual(outcome.status, 1, "\(arguments): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.hasPrefix("descent: "), "\(arguments): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains(option), "\(arguments): \(outcome.stderr)")
            XCTAssertEqual(outcome.stderr.split(separator: "\n").count, 1, "one line: \(outcome.stderr)")
            XCTAssertEqual(outcome.stdout, "")
        }
    }

    func testHelpStillExitsZero() throws {
        let outcome = try DescentProcess.run(["fit", "--help"])
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stdout.contains("--method"))
    }
}
