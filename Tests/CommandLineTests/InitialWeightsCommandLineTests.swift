// InitialWeights through the `descent` binary: what the command line does with it (moved from EngineTests).
import XCTest
import Engine
import TestSupport

final class InitialWeightsCommandLineTests: XCTestCase {
    func testTheCommandLineTakesTheValuesAndNamesTheOptionWhenTheyAreWrong() throws {
        // One step at a rate too small to move the weights visibly: what comes out is where it started.
        let fit = try DescentProcess.run(["fit", "--init", "2,1", "--steps", "1", "--lr", "1e-12", "--json"])
        XCTAssertEqual(fit.status, 0, fit.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(fit.stdout.utf8)) as? [String: Any])
        let coefficients = try XCTUnwrap(json["coefficients"] as? [Double])
        XCTAssertEqual(coefficients.count, 1)
        XCTAssertEqual(coefficients[0], 2, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(json["intercept"] as? Double), 1, accuracy: 1e-9)
        let zero = try DescentProcess.run(["fit", "--steps", "1", "--lr", "1e-12", "--json"])
        let zeroJSON = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(zero.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(zeroJSON["coefficients"] as? [Double])[0], 0, accuracy: 1e-9, "without --init: zeros")
        let cases: [([String], String)] = [
            (["fit", "--init", "2,1,3"], "descent: --init: needs 2 values (a weight for each of the 1 feature, then the intercept), got 3\n"),
            (["fit", "--init", "1,x"], "descent: --init: must be zero, random or the starting weights w1,...,b (numbers, comma-separated), got '1,x'\n"),
            (["fit", "--init", "nan,1"], "descent: --init: every value must be finite, got nan\n"),
            (["fit", "--dataset", "diabetes", "--init", "1,2"], "descent: --init: needs 11 values (a weight for each of the 10 features, then the intercept), got 2\n"),
        ]
        for (arguments, message) in cases {
            let outcome = try DescentProcess.run(arguments)
            XCTAssertEqual(outcome.status, 1, arguments.joined(separator: " "))
            XCTAssertEqual(outcome.stderr, message)
        }
    }
}
