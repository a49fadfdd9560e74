// `descent fit --method closed-form` reproduces every NIST StRD linear data set from its CSV, parameters in certified order.
import TestSupport
import XCTest

final class NISTFitCommandTests: XCTestCase {
    /// The NIST files live with the solver's tests; this test drives them through the command line instead.
    private static let nist = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("LeastSquaresTests/NIST")

    private struct Certified: Decodable {
        struct Model: Decodable {
            var polynomial_degree: Int?
            var intercept: Bool
        }
        struct Parameter: Decodable { var estimate: String }
        var model: Model
        var parameters: [Parameter]
        var residual_standard_deviation: String
    }

    /// −log10 of the relative error, capped at 15 (about the number of correct significant digits).
    private func logRelativeError(_ estimate: Double, _ certified: Double) -> Double {
        let error = certified == 0 ? abs(estimate) : abs(estimate - certified) / abs(certified)
        return error == 0 ? 15 : min(15, -log10(error))
    }

    func testEveryDataSetToTenDigitsThroughFit() throws {
        let data = try Data(contentsOf: Self.nist.appendingPathComponent("certified.json"))
        let certified = try JSONDecoder().decode([String: Certified].self, from: data)
        XCTAssertEqual(certified.count, 11)
        for (name, reference) in certified.sorted(by: { $0.key < $1.key }) {
            var arguments = [
                "fit", Self.nist.appendingPathComponent("\(name).csv").path, "--target", "y",
                "--method", "closed-form", "--json",
            ]
            if let degree = reference.model.polynomial_degree, degree > 1 { arguments += ["--poly", "\(degree)"] }
            if !reference.model.intercept { arguments.append("--no-intercept") }
            let outcome = try DescentProcess.run(arguments)
            XCTAssertEqual(outcome.status, 0, "\(name): \(outcome.stderr)")
            let object = try XCTUnwrap(
                JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any], name)
            let coefficients = try XCTUnwrap(object["coefficients"] as? [Double], name)
            let parameters = (object["intercept"] as? Double).map { [$0] + coefficients } ?? coefficients
            XCTAssertEqual(parameters.count, reference.parameters.count, name)
            var worst = 15.0
            for (estimate, certifiedParameter) in zip(parameters, reference.parameters) {
                worst = min(worst, logRelativeError(estimate, try XCTUnwrap(Double(certifiedParameter.estimate))))
            }
            let sd = try XCTUnwrap(object["residual_standard_deviation"] as? Double, name)
            worst = min(worst, logRelativeError(sd, try XCTUnwrap(Double(reference.residual_standard_deviation))))
            XCTAssertGreaterThanOrEqual(worst, 10, "\(name): only \(worst) correct digits through descent fit")
        }
    }
}
