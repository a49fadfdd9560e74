// Input the argument parser rejects exits 1 with one line, like every other bad input (as the README says).
import TestSupport
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

    func testANegativeNumberMeetsItsRangeCheckNotAMissingValue() throws {
        let cases: [([String], String)] = [
            (["fit", "--lr", "-1"], "--lr: must be a positive finite number, got -1.0"),
            (["fit", "--dataset", "synthetic", "--noise", "-0.5"], "--noise: must be a finite number ≥ 0, got -0.5"),
            (["race", "--headless", "--steps", "-5"], "--steps: must be at least 1, got -5"),
            (["bench", "--features", "-2"], "--features must be at least 1, got -2"),
        ]
        for (arguments, expected) in cases {
            let outcome = try DescentProcess.run(arguments)
            XCTAssertEqual(outcome.status, 1, "\(arguments): \(outcome.stderr)")
            XCTAssertEqual(outcome.stderr, "descent: \(expected)\n", "\(arguments)")
        }
    }

    func testHelpStillExitsZero() throws {
        let outcome = try DescentProcess.run(["fit", "--help"])
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stdout.contains("--method"))
    }
}
