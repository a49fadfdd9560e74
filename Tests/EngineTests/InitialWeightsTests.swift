// `--init w1,…,b`: a run starts at the given weights (data units), in a run, a session, a recording and on the command line.
import XCTest
import Engine

final class InitialWeightsTests: XCTestCase {
    private func diabetes() throws -> LoadedData { try DataSpecification(source: .builtin(.diabetes)).load() }

    func testARunStartsAndResetsAtTheGivenDataUnitWeights() throws {
        let loaded = try diabetes()
        let d = loaded.train.featureCount
        let start = (0..<d).map { Double($0) - 4.5 } + [150]
        for standardize in [true, false] {
            var run = TrainingRun(
                train: loaded.train, hyperparameters: .init(method: .gd, learningRate: 1e-4), standardize: standardize, initialWeights: start)
            func near(_ model: (weights: [Double], intercept: Double?), _ why: String) {
                for (got, want) in zip(model.weights + [model.intercept!], start) {
                    XCTAssertEqual(got, want, accuracy: 1e-9 * max(1, abs(want)), why)
                }
            }
            near(run.model, "step 0, standardized \(standardize)")
            for _ in 0..<5 { _ = run.takeStep() }
            XCTAssertNotEqual(run.model.weights, Array(start[0..<d]), "the run moves off the start")
            run.reset()
            near(run.model, "after reset, standardized \(standardize)")
        }
    }

    func testASessionStartedThereEqualsARunStartedThereBitForBit() throws {
        let loaded = try diabetes()
        let start = [Double](repeating: 1, count: loaded.train.featureCount) + [100]
        let setup = SessionSetup(data: .init(source: .builtin(.diabetes)), hyperparameters: .init(method: .gd, learningRate: 0.05),
                                 stop: .init(steps: 30), initialWeights: start)
        var run = setup.makeRun(loaded)
        for _ in 0..<30 { _ = run.takeStep() }
        let session = setup.makeSession(loaded)
        defer { session.shutdown() }
        for _ in 0..<30 { session.step() }
        session.waitUntilIdle()
        let snapshot = session.snapshot()
        XCTAssertEqual(snapshot.step, 30)
        XCTAssertEqual(snapshot.weights.map(\.bitPattern), run.model.weights.map(\.bitPattern))
        XCTAssertEqual(snapshot.intercept?.bitPattern, run.model.intercept?.bitPattern)

        // Recorded with the setup, read back equal, replayed to the same bits.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("descent-init-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SessionRecorder(path: path, setup: setup).finish(session: session)
        let recording = try SessionRecording.load(path: path)
        XCTAssertEqual(recording.setup.initialWeights, start)
        let replayed = try recording.replay(on: loaded)
        XCTAssertEqual(replayed.model.weights.map(\.bitPattern), snapshot.weights.map(\.bitPattern))
    }

    func testWrongCountsAndNonFiniteValuesAreNamed() throws {
        let one = SessionSetup(initialWeights: [1, 2, 3])
        XCTAssertEqual(one.initialWeightsProblem(featureCount: 1), "needs 2 values (a weight for each of the 1 feature, then the intercept), got 3")
        XCTAssertEqual(SessionSetup(initialWeights: [1]).initialWeightsProblem(featureCount: 10),
                       "needs 11 values (a weight for each of the 10 features, then the intercept), got 1")
        XCTAssertEqual(SessionSetup(initialWeights: [.infinity, 0]).initialWeightsProblem(featureCount: 1), "every value must be finite, got inf")
        XCTAssertNil(SessionSetup(initialWeights: [1, 2]).initialWeightsProblem(featureCount: 1))
        XCTAssertNil(SessionSetup().initialWeightsProblem(featureCount: 3))

        // A recording whose start does not fit its data is refused with its file, not a trap.
        var recording = SessionRecording(setup: SessionSetup(initialWeights: [1, 2, 3]), commands: [], final: nil)
        recording.file = "lesson.jsonl"
        XCTAssertThrowsError(try recording.replay(on: try recording.setup.data.load())) {
            XCTAssertEqual("\($0)", "lesson.jsonl:1: 'setup.initialWeights': needs 2 values (a weight for each of the 1 feature, then the intercept), got 3")
        }
    }
}
