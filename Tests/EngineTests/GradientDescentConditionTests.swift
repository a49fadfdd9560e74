// κ of the design GD runs on: it follows standardization and the L2 penalty, and agrees with the SVD.
import XCTest
@testable import Engine

final class GradientDescentConditionTests: XCTestCase {
    private func diabetes() throws -> LoadedData { try DataSpecification(source: .builtin(.diabetes)).load() }

    func testStandardizingDiabetesShrinksKappaByOrdersOfMagnitude() throws {
        let data = try diabetes()
        var standardized = TrainingRun(train: data.train, standardize: true)
        var raw = TrainingRun(train: data.train, standardize: false)
        let kStandardized = try XCTUnwrap(standardized.conditionNumber())
        let kRaw = try XCTUnwrap(raw.conditionNumber())
        XCTAssertGreaterThan(kRaw / kStandardized, 100, "raw \(kRaw) vs standardized \(kStandardized)")
        XCTAssertGreaterThanOrEqual(kStandardized, 1)
    }

    func testKappaOfOrthogonalColumnsIsTheRatioOfTheirNorms() throws {
        // Columns x1, x2 and the ones are orthogonal with norms 20, 2 and 2: σ(A) = {20, 2, 2}, so κ = 10.
        // Standardized, both features have norm √n = 2 like the ones column: κ = 1.
        let data = Dataset(
            name: "orthogonal", featureNames: ["x1", "x2"], targetName: "y",
            x: [10, 1, -10, 1, 10, -1, -10, -1], y: [1, 2, 3, 4])
        var raw = TrainingRun(train: data, standardize: false)
        XCTAssertEqual(try XCTUnwrap(raw.conditionNumber()), 10, accuracy: 1e-12)
        var standardized = TrainingRun(train: data, standardize: true)
        XCTAssertEqual(try XCTUnwrap(standardized.conditionNumber()), 1, accuracy: 1e-12)
        var throughOrigin = TrainingRun(train: data, fitIntercept: false, standardize: false)
        XCTAssertEqual(try XCTUnwrap(throughOrigin.conditionNumber()), 10, accuracy: 1e-12, "A = X without the ones")
    }

    func testARidgePenaltyLowersKappa() throws {
        let data = try diabetes()
        var run = TrainingRun(train: data.train, standardize: true)
        let plain = try XCTUnwrap(run.conditionNumber())
        run.setHyperparameters(.init(l2: 1))
        let ridge = try XCTUnwrap(run.conditionNumber())
        XCTAssertLessThan(ridge, plain)
    }

    func testSnapshotsFollowTheStandardizationToggle() throws {
        let data = try diabetes()
        let session = TrainingSession(train: data.train)
        defer { session.shutdown() }
        session.setSpeed(stepsPerSecond: nil)
        session.waitUntilIdle()
        let standardized = try XCTUnwrap(session.snapshot().conditionNumber)
        session.setStandardized(false)
        session.waitUntilIdle()
        let raw = try XCTUnwrap(session.snapshot().conditionNumber)
        XCTAssertGreaterThan(raw / standardized, 100)
        var run = TrainingRun(train: data.train, standardize: false)
        XCTAssertEqual(raw, run.conditionNumber(), "the snapshot carries the run's κ")
    }
}
