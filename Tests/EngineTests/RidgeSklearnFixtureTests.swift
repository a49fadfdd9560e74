// The L2 penalty is scikit-learn's Ridge(alpha = n·α): after a StandardScaler when standardized, on raw x when not.
import Engine
import Foundation
import XCTest

/// Fixtures/ridge-sklearn.json holds scikit-learn's answers on diabetes (Fixtures/ridge-sklearn.py wrote it).
/// Descent's closed form and a long GD run must land on the same coefficients for the same setting.
final class RidgeSklearnFixtureTests: XCTestCase {
    private struct Fixture: Decodable {
        struct Case: Decodable {
            var l2: Double
            var standardized: Bool
            var weights: [Double]
            var intercept: Double
        }
        var source: String
        var cases: [Case]
    }

    private func fixture() throws -> Fixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/ridge-sklearn.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    private func assertClose(_ actual: [Double], _ expected: [Double], tolerance: Double, _ message: String) {
        XCTAssertEqual(actual.count, expected.count, message)
        for (a, e) in zip(actual, expected) {
            XCTAssertEqual(a, e, accuracy: tolerance * max(1, abs(e)), message)
        }
    }

    func testClosedFormIsSklearnsRidgeInBothScalings() throws {
        let train = try DataSpecification(source: .builtin(.diabetes)).load().train
        let fixture = try fixture()
        XCTAssertEqual(fixture.cases.count, 4)
        for c in fixture.cases {
            let solution = try ClosedFormComparison.solve(
                train: train, test: nil, fitIntercept: true, l2: c.l2, standardized: c.standardized)
            let label = "l2 \(c.l2), standardized \(c.standardized)"
            assertClose(solution.weights + [solution.intercept!], c.weights + [c.intercept], tolerance: 1e-9, label)
        }
        // The two scalings are different models: the fixture must tell them apart, or the test proves nothing.
        let a = fixture.cases[0], b = fixture.cases[1]
        XCTAssertGreaterThan(abs(a.weights[1] - b.weights[1]), 1)
    }

    func testGradientDescentConvergesToTheStandardizedRidge() throws {
        let fixture = try fixture()
        let target = try XCTUnwrap(fixture.cases.first { $0.standardized && $0.l2 == 0.5 })
        let setup = SessionSetup(
            data: .init(source: .builtin(.diabetes)), hyperparameters: .init(method: .gd, learningRate: 0.2, l2: 0.5),
            stop: .init(steps: 20_000, tolerance: 0))
        var run = setup.makeRun(try setup.data.load())
        while run.outcome == nil { run.takeStep() }
        let model = run.model
        assertClose(model.weights + [model.intercept!], target.weights + [target.intercept], tolerance: 1e-8, "GD with --l2 0.5")
    }
}
