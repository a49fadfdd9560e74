// The teaching data sets from the command line: the built binary's --help, --part and its one-line errors.
import TestSupport
import XCTest

final class TeachingDatasetCommandTests: XCTestCase {
    private func json(_ arguments: [String]) throws -> [String: Any] {
        let outcome = try DescentProcess.run(["fit"] + arguments + ["--json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    }

    func testEveryPartOfAnscombeFitsTheSameLine() throws {
        var seen: Set<String> = []
        for part in 1...4 {
            let object = try json(["--dataset", "anscombe", "--part", "\(part)", "--method", "closed-form"])
            XCTAssertEqual(object["dataset"] as? String, "anscombe \(part)")
            let slope = try XCTUnwrap((object["coefficients"] as? [Double])?.first)
            let intercept = try XCTUnwrap(object["intercept"] as? Double)
            let r2 = try XCTUnwrap((object["train"] as? [String: Double])?["r2"])
            seen.insert(String(format: "%.2f %.2f %.2f", slope, intercept, r2))
        }
        XCTAssertEqual(seen, ["0.50 3.00 0.67"])
    }

    func testBadPartsGetOneLineNamingTheOption() throws {
        for arguments in [["--dataset", "anscombe", "--part", "5"], ["--dataset", "anscombe", "--part", "0"], ["--dataset", "curve", "--part", "2"], ["--part", "1"]] {
            let outcome = try DescentProcess.run(["fit"] + arguments)
            XCTAssertNotEqual(outcome.status, 0, "\(arguments)")
            XCTAssertEqual(outcome.stdout, "")
            let lines = outcome.stderr.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("--part"), outcome.stderr)
        }
    }

    func testAPresetsPartIsOverriddenOrDroppedWithItsDataSet() throws {
        let presets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Presets")
        let anscombe = presets.appendingPathComponent("anscombe.toml").path
        XCTAssertEqual(try json(["--preset", anscombe, "--part", "4", "--steps", "5"])["dataset"] as? String, "anscombe 4")
        XCTAssertEqual(try json(["--preset", anscombe, "--dataset", "curve", "--steps", "5"])["dataset"] as? String, "curve")
    }

    func testHelpDescribesEveryTeachingDataSet() throws {
        let outcome = try DescentProcess.run(["fit", "--help"])
        XCTAssertEqual(outcome.status, 0)
        let help = outcome.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for text in [
            "anscombe: Anscombe's quartet", "outliers: a clean line", "heteroscedastic: a line whose noise",
            "curve: a parabola", "two-groups: Simpson's paradox", "--part <N>",
        ] {
            XCTAssertTrue(help.contains(text), text)
        }
    }

    func testGeneratedTeachingSetsAreTheSameForASeedThroughTheBinary() throws {
        for name in ["outliers", "heteroscedastic", "curve", "two-groups"] {
            let a = try json(["--dataset", name, "--seed", "3", "--method", "closed-form"])
            let b = try json(["--dataset", name, "--seed", "3", "--method", "closed-form"])
            XCTAssertEqual(a["coefficients"] as? [Double], b["coefficients"] as? [Double], name)
            XCTAssertEqual(a["dataset"] as? String, name)
        }
    }
}
