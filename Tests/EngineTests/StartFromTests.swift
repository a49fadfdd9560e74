// `SessionCommand.startFrom`: step 0 from weights chosen live (by hand, on the landscape), recorded and replayed.
import Foundation
import TestSupport
import XCTest

@testable import Engine

final class StartFromTests: XCTestCase {
    private func line() throws -> LoadedData { try DataSpecification(source: .builtin(.line)).load() }

    func testAChosenStartIsStepZeroThereAndResetGoesBackToTheConfiguredOne() throws {
        let loaded = try line()
        for standardize in [true, false] {
            var run = TrainingRun(
                train: loaded.train, hyperparameters: .init(method: .gd, learningRate: 0.01), standardize: standardize,
                initialWeights: [0.5, -1])
            for _ in 0..<20 { _ = run.takeStep() }
            XCTAssertTrue(run.start(from: [3, 2]))
            XCTAssertEqual(run.step, 0)
            XCTAssertEqual(run.trainHistory.count, 0, "the histories start over")
            XCTAssertEqual(run.model.weights[0], 3, accuracy: 1e-12)
            XCTAssertEqual(try XCTUnwrap(run.model.intercept), 2, accuracy: 1e-12)
            run.refreshLosses()
            let want = meanSquaredError(of: loaded.train, slope: 3, intercept: 2)
            XCTAssertEqual(try XCTUnwrap(run.latestTrainLoss), want, accuracy: 1e-9 * want, "the loss of the chosen line")
            for _ in 0..<5 { _ = run.takeStep() }
            XCTAssertGreaterThan(run.step, 0)
            run.reset()
            XCTAssertEqual(run.model.weights[0], 0.5, accuracy: 1e-12, "reset: the configured start (--init), standardized \(standardize)")
            XCTAssertEqual(try XCTUnwrap(run.model.intercept), -1, accuracy: 1e-12)
        }
    }

    func testAStartThatCannotBeOneChangesNothing() throws {
        var run = TrainingRun(train: try line().train, hyperparameters: .init(method: .gd, learningRate: 0.01))
        for _ in 0..<3 { _ = run.takeStep() }
        let before = run.model
        for bad in [[1.0], [1, 2, 3], [.nan, 0], [0, .infinity], [.greatestFiniteMagnitude * 0.9, 0]] {
            XCTAssertFalse(run.start(from: bad), "\(bad)")
            XCTAssertEqual(run.step, 3)
            XCTAssertEqual(run.model.weights, before.weights)
        }
    }

    func testWithoutAnInterceptTheLineGoesThroughZero() throws {
        var run = TrainingRun(train: try line().train, hyperparameters: .init(method: .gd, learningRate: 0.01), fitIntercept: false)
        XCTAssertTrue(run.start(from: [2, 5]))
        XCTAssertEqual(run.model.weights[0], 2, accuracy: 1e-12)
        XCTAssertNil(run.model.intercept)
    }

    func testASessionStartsThereRecordsItAndTheRecordingReplaysBitForBit() throws {
        let loaded = try line()
        let setup = SessionSetup(
            data: .init(source: .builtin(.line)), hyperparameters: .init(method: .gd, learningRate: 0.05), stop: .init(steps: 500))
        let session = setup.makeSession(loaded)
        defer { session.shutdown() }
        for _ in 0..<10 { session.step() }
        session.send(.startFrom([-2, 4]))
        session.waitUntilIdle()
        let chosen = session.snapshot()
        XCTAssertEqual(chosen.step, 0)
        XCTAssertEqual(chosen.status, .ready)
        XCTAssertEqual(chosen.weights[0], -2, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(chosen.intercept), 4, accuracy: 1e-12)
        let want = meanSquaredError(of: loaded.train, slope: -2, intercept: 4)
        XCTAssertEqual(chosen.trainLoss, want, accuracy: 1e-9 * want, "the snapshot's loss is the chosen line's")
        XCTAssertEqual(session.parameterTrajectory().decimated(maxPoints: 10).count, 1, "the path starts over there")
        for _ in 0..<7 { session.step() }
        session.send(.startFrom([1, 1]))
        for _ in 0..<12 { session.step() }
        session.waitUntilIdle()
        let end = session.snapshot()
        XCTAssertEqual(end.step, 12)

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("descent-start-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SessionRecorder(path: path, setup: setup).finish(session: session)
        let recording = try SessionRecording.load(path: path)
        XCTAssertEqual(recording.commands.filter { if case .startFrom = $0.command { return true } else { return false } }.count, 2)
        let replayed = try recording.replay(on: loaded)
        XCTAssertEqual(replayed.step, 12)
        XCTAssertEqual(replayed.model.weights.map(\.bitPattern), end.weights.map(\.bitPattern))
        XCTAssertEqual(replayed.model.intercept?.bitPattern, end.intercept?.bitPattern)
    }

    func testARecordedStartThatDoesNotFitTheDataIsRefusedWithItsLine() throws {
        let written = SessionRecording(setup: SessionSetup(), commands: [AppliedCommand(step: 0, command: .startFrom([1, 2, 3]))], final: nil)
        let text = String(decoding: try written.jsonLines(), as: UTF8.self)
        let recording = try SessionRecording.parse(Data(text.utf8), file: "lesson.jsonl")
        let loaded = try recording.setup.data.load()
        let message = "lesson.jsonl:2: 'command.startFrom': needs 2 values (a weight for each of the 1 feature, then the intercept), got 3"
        XCTAssertEqual(recording.problem(featureCount: loaded.train.featureCount)?.description, message)
        XCTAssertThrowsError(try recording.replay(on: loaded)) { XCTAssertEqual("\($0)", message) }
        // A value that is not finite is refused as the file is read.
        let infinite = text.replacingOccurrences(of: "[1,2,3]", with: #"["inf",1]"#)
        XCTAssertNotEqual(infinite, text, "the command line holds [1,2,3]")
        XCTAssertThrowsError(try SessionRecording.parse(Data(infinite.utf8), file: "lesson.jsonl")) {
            XCTAssertEqual("\($0)", "lesson.jsonl:2: 'command.startFrom': every value must be finite, got inf")
        }
    }
}
