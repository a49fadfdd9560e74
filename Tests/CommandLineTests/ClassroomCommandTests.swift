// The classroom pieces of the command line end to end: fit --preset, --replay, --export and race --headless.
import TestSupport
import XCTest
import Engine

final class ClassroomCommandTests: XCTestCase {
    private typealias Outcome = DescentOutcome

    private func descent(_ arguments: [String]) throws -> Outcome {
        try DescentProcess.run(arguments)
    }

    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private static let presets = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Presets")

    /// The parts of `fit --json` the replay promises, read exactly.
    private struct FitResult: Decodable {
        var steps: Int
        var coefficients: [Double]
        var intercept: Double?
        var status: String
        var method: String
    }

    func testReplayReproducesARecordedSessionHeadless() throws {
        let setup = SessionSetup(
            data: .init(source: .builtin(.diabetes), testFraction: 0.1, seed: 3),
            hyperparameters: .init(method: .minibatch, learningRate: 0.05, batchSize: 20), stop: .init(steps: 700))
        let session = setup.makeSession(try setup.data.load())
        defer { session.shutdown() }
        for _ in 0..<10 { session.step() }
        session.setHyperparameters(.init(method: .gd, update: .nesterov, learningRate: 0.05, momentum: 0.8))
        session.start()
        waitFor(session, "step 100") { $0.step >= 100 }
        session.setStandardized(false)
        session.setHyperparameters(.init(method: .sgd, learningRate: 1e-6))
        waitFor(session, "the step limit") { $0.status == .maxSteps }
        let path = try temporaryDirectory().appendingPathComponent("demo.jsonl").path
        try SessionRecorder(path: path, setup: setup).finish(session: session)
        let snapshot = session.snapshot()

        let outcome = try descent(["fit", "--replay", path, "--json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let result = try JSONDecoder().decode(FitResult.self, from: Data(outcome.stdout.utf8))
        XCTAssertEqual(result.steps, 700)
        XCTAssertEqual(result.method, "sgd")
        XCTAssertEqual(result.coefficients.map(\.bitPattern), snapshot.weights.map(\.bitPattern))
        XCTAssertEqual(result.intercept?.bitPattern, snapshot.intercept?.bitPattern)

        let mixed = try descent(["fit", "--replay", path, "--lr", "0.3"])
        XCTAssertEqual(mixed.status, 1)
        XCTAssertEqual(mixed.stderr, "descent: --replay: the recording sets the data and training; do not also give --lr\n")
        let broken = try temporaryDirectory().appendingPathComponent("broken.jsonl").path
        try Data("{\"recording\":1,\"setup\":{}}\n".utf8).write(to: URL(fileURLWithPath: broken))
        let bad = try descent(["fit", "--replay", broken])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.hasPrefix("descent: \(broken):1: 'setup': missing key"), bad.stderr)
        XCTAssertEqual(bad.stderr.filter { $0 == "\n" }.count, 1)

        // The UI's replay speed: checked before any screen opens, one line naming the option.
        let alone = try descent(["--replay-speed", "2"])
        XCTAssertEqual(alone.status, 1)
        XCTAssertEqual(alone.stderr, "descent: --replay-speed: needs --replay FILE\n")
        for value in ["100", "0.1", "fast", "nan"] {
            let outOfRange = try descent(["--replay", path, "--replay-speed", value])
            XCTAssertEqual(outOfRange.status, 1, value)
            XCTAssertEqual(outOfRange.stderr, "descent: --replay-speed: must be a number from 0.25 to 16, or max, got '\(value)'\n")
        }
    }

    func testPresetRunsAndCommandLineOverridesIt() throws {
        let overshoot = ClassroomCommandTests.presets.appendingPathComponent("overshoot.toml").path
        let diverged = try descent(["fit", "--preset", overshoot, "--json"])
        XCTAssertEqual(diverged.status, 3, "a diverged run exits 3")
        XCTAssertEqual(try JSONDecoder().decode(FitResult.self, from: Data(diverged.stdout.utf8)).status, "diverged")

        let tamed = try descent(["fit", "--preset", overshoot, "--lr", "0.5", "--json"])
        XCTAssertEqual(tamed.status, 0, tamed.stderr)
        let result = try JSONDecoder().decode(FitResult.self, from: Data(tamed.stdout.utf8))
        XCTAssertNotEqual(result.status, "diverged")
        XCTAssertLessThanOrEqual(result.steps, 200, "the preset's step limit still applies")
        XCTAssertEqual(result.coefficients[0], 2, accuracy: 0.3)

        let lesson = try temporaryDirectory().appendingPathComponent("lesson.toml").path
        try Data("[training]\nlr = 0.1\nbatch = 4\n".utf8).write(to: URL(fileURLWithPath: lesson))
        let bad = try descent(["fit", "--preset", lesson])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.hasPrefix("descent: \(lesson):3: key 'training.batch': unknown key"), bad.stderr)
    }

    func testExportWritesTheDataAndFiguresOrFailsInOneLine() throws {
        let directory = try temporaryDirectory()
        let prefix = directory.appendingPathComponent("lesson").path
        let outcome = try descent(["fit", "--steps", "30", "--test-fraction", "0.2", "--export", prefix])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        XCTAssertEqual(names, [
            "lesson-data.svg", "lesson-fit.csv", "lesson-fit.svg", "lesson-history.csv", "lesson-loss.svg", "lesson-weights.csv",
            "lesson-weights.svg", "lesson.json",
        ])
        let weights = try String(contentsOfFile: prefix + "-weights.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(weights.first, "step,x,intercept")
        XCTAssertEqual(weights.count, 32, "header and steps 0…30")

        let missing = directory.appendingPathComponent("nope").appendingPathComponent("x").path
        let failed = try descent(["fit", "--steps", "5", "--export", missing])
        XCTAssertEqual(failed.status, 1)
        XCTAssertEqual(failed.stderr, "descent: --export: \(missing)-history.csv: cannot write (no such directory)\n")
        XCTAssertEqual(failed.stdout, "", "no report when the export failed")
    }

    func testHeadlessRacePrintsEveryContestant() throws {
        let outcome = try descent(["race", "--headless", "--steps", "300", "--with", "adam", "--json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let contestants = try XCTUnwrap(object["contestants"] as? [[String: Any]])
        XCTAssertEqual(contestants.map { $0["label"] as? String }, ["GD", "SGD", "mini-batch 32", "Adam"])
        for contestant in contestants {
            XCTAssertEqual(contestant["steps"] as? Int, 300)
            XCTAssertLessThan(try XCTUnwrap(contestant["train_mse"] as? Double), 5, "every method learned the line")
        }
        let table = try descent(["race", "--headless", "--steps", "50"])
        XCTAssertEqual(table.status, 0)
        for label in ["GD", "SGD", "mini-batch 32"] { XCTAssertTrue(table.stdout.contains(label), table.stdout) }
        let live = try descent(["race"])
        XCTAssertNotEqual(live.status, 0)
        XCTAssertEqual(live.stderr.filter { $0 == "\n" }.count, 1)
        let wrong = try descent(["race", "--headless", "--with", "newton"])
        XCTAssertEqual(wrong.stderr, "descent: --with: unknown contestant 'newton' (expected momentum, nesterov or adam)\n")
    }
}
