// `fit --json` and the export's PREFIX.json of the same run: one schema, the same values in the shared fields.
import Engine
import Foundation
import TestSupport
import XCTest

final class FitExportAgreementTests: XCTestCase {
    /// Runs `fit ARGUMENTS --json --export PREFIX` and returns stdout's object and PREFIX.json's, as text.
    private func fitAndExport(_ arguments: [String]) throws -> (fit: Data, export: Data) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-agree-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let prefix = directory.appendingPathComponent("run").path
        let outcome = try DescentProcess.run(["fit"] + arguments + ["--json", "--export", prefix])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        return (Data(outcome.stdout.utf8), try Data(contentsOf: URL(fileURLWithPath: prefix + ".json")))
    }

    private func keys(_ data: Data) throws -> Set<String> {
        Set(try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any]).keys)
    }

    func testFitJSONAndTheExportAgreeOnEverySharedField() throws {
        for arguments in [
            ["--dataset", "diabetes", "--test-fraction", "0.2", "--steps", "40"],
            ["--dataset", "line", "--method", "minibatch", "--batch-size", "8", "--schedule", "inverse", "--decay", "0.05",
             "--steps", "30", "--no-intercept"],
        ] {
            let (fit, export) = try fitAndExport(arguments)
            let name = arguments.joined(separator: " ")
            // Every field fit prints is in the export, under the same name; the export only adds fields.
            let fitKeys = try keys(fit), exportKeys = try keys(export)
            XCTAssertTrue(fitKeys.isSubset(of: exportKeys), "\(name): missing \(fitKeys.subtracting(exportKeys))")
            XCTAssertEqual(
                exportKeys.subtracting(fitKeys),
                ["setup", "hyperparameters_at_end", "standardized_at_end", "target", "train_rows", "test_rows"], name)
            // The same values, bit for bit (JSONDecoder reads numbers exactly).
            let decoder = JSONCoding.decoder()
            let a = try decoder.decode(RunResult.self, from: fit), b = try decoder.decode(RunResult.self, from: export)
            XCTAssertEqual(a, b, name)
            XCTAssertEqual(a.coefficients.map(\.bitPattern), b.coefficients.map(\.bitPattern), name)
            XCTAssertGreaterThan(a.steps, 0, name)
        }
    }
}
