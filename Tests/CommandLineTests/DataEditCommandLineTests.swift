// DataEdit through the `descent` binary: what the command line does with it (moved from EngineTests).
import XCTest
import Engine
import TestSupport

final class DataEditCommandLineTests: XCTestCase {
    func testFitReplaysARecordingWithEditsAndItsExportedPointsTrainAgain() throws {
        let setup = SessionSetup(
            data: DataSpecification(source: .builtin(.line), synthetic: .init(rows: 50), seed: 4),
            hyperparameters: .init(method: .sgd, learningRate: 0.02), stop: .init(steps: 400))
        let session = setup.makeSession(try setup.data.load())
        defer { session.shutdown() }
        for _ in 0..<20 { session.step() }
        session.send(.editData(.addOutlier))
        session.send(.editData(.move(row: 0, x: 2.5, y: 40)))
        session.send(.editData(.remove(row: 10)))
        session.start()
        waitFor(session, "the step limit") { $0.status == .maxSteps }
        session.waitUntilIdle()
        let snapshot = session.snapshot()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-edit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("edits.jsonl").path
        try SessionRecorder(path: path, setup: setup).finish(session: session)

        let prefix = directory.appendingPathComponent("run").path
        let replayed = try DescentProcess.run(["fit", "--replay", path, "--json", "--export", prefix])
        XCTAssertEqual(replayed.status, 0, replayed.stderr)
        let result = try JSONDecoder().decode(FitResult.self, from: Data(replayed.stdout.utf8))
        XCTAssertEqual(result.steps, 400)
        XCTAssertEqual(result.coefficients.map(\.bitPattern), snapshot.weights.map(\.bitPattern))
        XCTAssertEqual(result.intercept?.bitPattern, snapshot.intercept?.bitPattern)

        // The edited points, written with a header, are what `descent FILE.csv` (and fit) read.
        let csv = try String(contentsOfFile: prefix + "-data.csv", encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("x,y\n"), String(csv.prefix(40)))
        XCTAssertEqual(csv.split(separator: "\n").count, 1 + session.train.rowCount)
        let again = try DescentProcess.run(["fit", prefix + "-data.csv", "--method", "closed-form", "--json"])
        XCTAssertEqual(again.status, 0, again.stderr)
        let solved = try JSONDecoder().decode(FitResult.self, from: Data(again.stdout.utf8))
        let expected = try ClosedFormComparison.solve(
            train: session.train, test: nil, fitIntercept: true, l2: 0, standardized: true, loss: .mse, l1: 0)
        XCTAssertEqual(solved.coefficients.map(\.bitPattern), expected.weights.map(\.bitPattern))
    }

    private struct FitResult: Decodable {
        var steps: Int
        var coefficients: [Double]
        var intercept: Double?
    }
}
