// Export: three files with the history, the weights over time and the settings, written atomically.
import TestSupport
import XCTest
import Engine

final class RunExportTests: XCTestCase {
    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    func testHeadlessRunWritesHistoryWeightsAndSettings() throws {
        let setup = SessionSetup(
            data: .init(source: .builtin(.line), testFraction: 0.25, seed: 2),
            hyperparameters: .init(method: .gd, learningRate: 0.3), stop: .init(steps: 60))
        let loaded = try setup.data.load()
        var run = setup.makeRun(loaded)
        var trajectory = ParameterTrajectory()
        trajectory.record(step: 0, weights: run.model.weights, intercept: run.model.intercept)
        while run.outcome == nil {
            run.takeStep()
            trajectory.record(step: run.step, weights: run.model.weights, intercept: run.model.intercept)
        }
        run.refreshLosses()
        let prefix = try temporaryDirectory().appendingPathComponent("run").path
        let written = try RunExport(run: run, setup: setup, trajectory: trajectory).write(prefix: prefix)
        XCTAssertEqual(written, [prefix + "-history.csv", prefix + "-weights.csv", prefix + ".json", prefix + "-fit.csv"])
        // One input: the fitted line sampled across the data, as x,model rows a spreadsheet can plot.
        let fit = try String(contentsOfFile: prefix + "-fit.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(fit.first, "x,model")
        XCTAssertEqual(fit.count, 1 + RunExport.fitSamples)
        let input = loaded.train.fitInput! + (loaded.test?.fitInput ?? [])
        let lastSample = fit[fit.count - 1].split(separator: ",").compactMap { Double($0) }
        XCTAssertEqual(lastSample[0], input.max())
        XCTAssertEqual(lastSample[1], ModelCurve.value(at: lastSample[0], weights: run.model.weights, intercept: run.model.intercept))

        let history = try String(contentsOfFile: prefix + "-history.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(history.first, "step,train_loss,test_loss")
        XCTAssertEqual(history.count, 1 + 61, "steps 0…60")
        let last = history.last!.split(separator: ",", omittingEmptySubsequences: false)
        XCTAssertEqual(last[0], "60")
        XCTAssertEqual(Double(String(last[1])), run.latestTrainLoss)
        XCTAssertEqual(Double(String(last[2])), run.latestTestLoss)

        let weights = try String(contentsOfFile: prefix + "-weights.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(weights.first, "step,x,intercept")
        XCTAssertEqual(weights.count, 1 + 61)
        XCTAssertEqual(weights.last, "60,\(run.model.weights[0]),\(run.model.intercept!)")

        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: prefix + ".json"))) as? [String: Any])
        // The run's outcome at the top, with the names `fit --json` gives the same fields (RunResult).
        XCTAssertEqual(json["steps"] as? Int, 60)
        // JSONSerialization may round the last digit on Linux; JSONDecoder reads numbers exactly.
        let exact = try JSONCoding.decoder().decode(RunResult.self, from: Data(contentsOf: URL(fileURLWithPath: prefix + ".json")))
        XCTAssertEqual(exact.coefficients.map(\.bitPattern), run.model.weights.map(\.bitPattern))
        XCTAssertEqual(json["status"] as? String, "max-steps")
        XCTAssertNotNil(json["test"] as? [String: Any])
        XCTAssertEqual(json["train_rows"] as? Int, 75)
        let settings = try XCTUnwrap(json["setup"] as? [String: Any])
        XCTAssertEqual((settings["hyperparameters"] as? [String: Any])?["learningRate"] as? Double, 0.3)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: prefix).deletingLastPathComponent().path)
        XCTAssertEqual(
            leftovers.sorted(), ["run-fit.csv", "run-history.csv", "run-weights.csv", "run.json"], "no temporary files left")
    }

    func testSessionExportReadsTheLiveState() throws {
        let data = try wellConditioned(rows: 80, features: 2)
        let session = TrainingSession(train: data, hyperparameters: .init(method: .gd, learningRate: 0.2))
        defer { session.shutdown() }
        for _ in 0..<25 { session.step() }
        session.waitUntilIdle()
        let export = RunExport(session: session, setup: SessionSetup())
        XCTAssertEqual(export.result.steps, 25)
        XCTAssertEqual(export.weights.last?.step, 25)
        XCTAssertEqual(export.weights.last?.weights, session.snapshot().weights)
        XCTAssertEqual(export.history.last?.step, 25)
        XCTAssertTrue(export.weightsCSV().hasPrefix("step,x1,x2,intercept\n0,0.0,0.0,0.0\n"))
        XCTAssertNil(export.fitCurveCSV(), "two inputs: no curve to sample")
    }

    func testSessionExportOfAPolynomialSamplesTheCurveAndTheClosedForm() throws {
        let setup = SessionSetup(
            data: .init(source: .builtin(.line), synthetic: .init(rows: 20, noise: 2), polynomialDegree: 3, seed: 4),
            hyperparameters: .init(method: .gd, update: .adam, learningRate: 0.1))
        let loaded = try setup.data.load()
        let session = setup.makeSession(loaded)
        defer { session.shutdown() }
        for _ in 0..<30 { session.step() }
        session.requestClosedForm()
        session.waitUntilIdle()
        waitFor(session, "the closed form") { $0.closedForm != nil }
        let snapshot = session.snapshot()
        let csv = try XCTUnwrap(RunExport(session: session, setup: setup).fitCurveCSV())
        let rows = csv.split(separator: "\n")
        XCTAssertEqual(rows.first, "x,model,closed_form", "the base input, not x^2 or x^3")
        let optimum = try XCTUnwrap(snapshot.closedForm)
        for row in [rows[1], rows[100], rows[RunExport.fitSamples]] {
            let cells = row.split(separator: ",").compactMap { Double($0) }
            XCTAssertEqual(cells[1], ModelCurve.value(at: cells[0], weights: snapshot.weights, intercept: snapshot.intercept))
            XCTAssertEqual(cells[2], ModelCurve.value(at: cells[0], weights: optimum.weights, intercept: optimum.intercept))
        }
    }

    func testFailureIsOneLineAndLeavesNothingBehind() throws {
        let directory = try temporaryDirectory()
        let blocked = directory.appendingPathComponent("missing").appendingPathComponent("run").path
        let export = RunExport(run: TrainingRun(train: try wellConditioned(rows: 10, features: 1)), setup: .init(), trajectory: .init())
        XCTAssertThrowsError(try export.write(prefix: blocked)) {
            XCTAssertEqual("\($0)", "\(blocked)-history.csv: cannot write (no such directory)")
        }
        // A directory squatting on the JSON's name: the CSVs must not appear either.
        let prefix = directory.appendingPathComponent("clash").path
        try FileManager.default.createDirectory(atPath: prefix + ".json", withIntermediateDirectories: false)
        XCTAssertThrowsError(try export.write(prefix: prefix)) { XCTAssertFalse("\($0)".contains("\n")) }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        XCTAssertEqual(names, ["clash.json"])
    }

    func testTimestampedPrefixIsStable() {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        XCTAssertEqual(RunExport.timestampedPrefix(date), "descent-export-20231114-221320")
        XCTAssertEqual(RunExport.timestampedPrefix(date, directory: "/tmp"), "/tmp/descent-export-20231114-221320")
    }
}
