// descent race --lr NAME=RATE: one contestant's rate, headless and live, and one clear line for a bad one.
import Foundation
import TestSupport
import XCTest

final class RaceRateOptionTests: XCTestCase {
    func testLrSetsOneContestantsRateHeadless() throws {
        let outcome = try DescentProcess.run([
            "race", "--headless", "--steps", "300", "--with", "adam,nesterov", "--lr", "adam=0.5", "--lr", "SGD=0.01", "--json",
        ])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let contestants = try XCTUnwrap(object["contestants"] as? [[String: Any]])
        let rates = Dictionary(uniqueKeysWithValues: contestants.map { ($0["label"] as! String, $0["lr"] as! Double) })
        XCTAssertEqual(rates["Adam"], 0.5)
        XCTAssertEqual(rates["SGD"], 0.01)
        XCTAssertEqual(contestants.map { $0["label"] as? String }, ["GD", "SGD", "mini-batch 32", "Adam", "Nesterov"])
    }

    func testBadLrOptionsGetOneLineNamingTheOption() throws {
        let cases: [([String], String)] = [
            (["--lr", "adam"], "descent: --lr: expected NAME=RATE (e.g. adam=0.5), got 'adam'\n"),
            (["--lr", "newton=1"], "descent: --lr: unknown contestant 'newton' (expected gd, sgd, minibatch, momentum, nesterov, adam)\n"),
            (["--lr", "adam=0.5"], "descent: --lr: adam is not in the race (add it with --with adam)\n"),
            (["--lr", "gd=-1"], "descent: --lr: gd's rate must be a positive number, got '-1'\n"),
            (["--lr", "gd=nan"], "descent: --lr: gd's rate must be a positive number, got 'nan'\n"),
            (["--lr", "gd=\u{1b}[31m"], "descent: --lr: gd's rate must be a positive number, got '\\x1b[31m'\n"),
        ]
        for (arguments, message) in cases {
            let outcome = try DescentProcess.run(["race", "--headless", "--steps", "5"] + arguments)
            XCTAssertEqual(outcome.status, 1, arguments.joined(separator: " "))
            XCTAssertEqual(outcome.stderr, message)
            XCTAssertEqual(outcome.stdout, "")
        }
    }
}
