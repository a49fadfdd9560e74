// Record and replay: a live session with commands mid-run, written, read back and replayed bit for bit.
import TestSupport
import XCTest
import Engine

final class SessionRecordingTests: XCTestCase {
    private func temporaryPath(_ name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    func testRecordedSessionReplaysBitForBit() throws {
        let setup = SessionSetup(
            data: DataSpecification(source: .builtin(.synthetic), synthetic: .init(rows: 300, features: 3), testFraction: 0.2, seed: 11),
            hyperparameters: .init(method: .minibatch, learningRate: 0.05, batchSize: 16), stop: .init(steps: 400), randomInit: true)
        let loaded = try setup.data.load()
        let session = setup.makeSession(loaded)
        defer { session.shutdown() }
        for _ in 0..<5 { session.step() }
        session.setHyperparameters(.init(method: .sgd, update: .momentum, learningRate: 0.01))
        session.start()
        waitFor(session, "the recorded session") { $0.step >= 50 }
        session.setStandardized(false)
        session.setHyperparameters(.init(method: .gd, update: .adam, learningRate: 0.02))
        session.setSpeed(stepsPerSecond: 5000)
        waitFor(session, "the recorded session") { $0.step >= 120 }
        session.pause()
        session.reset()
        session.setStandardized(true)
        for _ in 0..<3 { session.step() }
        session.start()
        waitFor(session, "the recorded session") { $0.status == .maxSteps && $0.step == 400 }  // not a status left from before the reset

        let path = temporaryPath("session.jsonl")
        let recorder = try SessionRecorder(path: path, setup: setup)
        try recorder.finish(session: session)
        let snapshot = session.snapshot()

        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        XCTAssertTrue(lines.first!.hasPrefix("{\"recording\":1,"), String(lines.first!))
        XCTAssertTrue(lines.last!.hasPrefix("{\"final\":{\"coefficients\":["), String(lines.last!))
        XCTAssertEqual(lines.count, session.appliedCommands().count + 2)

        let recording = try SessionRecording.load(path: path)
        XCTAssertEqual(recording.setup, setup)
        XCTAssertEqual(recording.commands, session.appliedCommands())
        XCTAssertEqual(recording.final?.step, 400)
        XCTAssertEqual(recording.final?.coefficients.map(\.bitPattern), snapshot.weights.map(\.bitPattern))

        let replayed = try recording.replay(on: try recording.setup.data.load())
        XCTAssertEqual(replayed.step, snapshot.step)
        XCTAssertEqual(replayed.model.weights.map(\.bitPattern), snapshot.weights.map(\.bitPattern))
        XCTAssertEqual(replayed.model.intercept?.bitPattern, snapshot.intercept?.bitPattern)
    }

    func testPlaybackOnALiveSessionEndsBitIdentical() throws {
        let setup = SessionSetup(
            data: DataSpecification(source: .builtin(.line), synthetic: .init(rows: 150), seed: 5),
            hyperparameters: .init(method: .sgd, learningRate: 0.01), stop: .init(steps: 900))
        let loaded = try setup.data.load()
        let original = setup.makeSession(loaded)
        defer { original.shutdown() }
        original.step()
        original.start()
        waitFor(original, "the recorded session") { $0.step >= 100 }
        original.setHyperparameters(.init(method: .minibatch, update: .adam, learningRate: 0.05, batchSize: 10))
        waitFor(original, "the recorded session") { $0.step >= 300 }
        original.pause()
        original.setStandardized(false)
        original.step()
        original.setHyperparameters(.init(method: .minibatch, update: .adam, learningRate: 0.01, batchSize: 10))
        original.start()
        waitFor(original, "the recorded session") { $0.status == .maxSteps && $0.step == 900 }
        let recording = SessionRecorder.recording(of: original, setup: setup)

        let replayed = setup.makeSession(loaded)
        defer { replayed.shutdown() }
        let playback = RecordingPlayback(recording: recording, session: replayed)
        waitFor("the playback to finish") { !playback.advance() }
        XCTAssertEqual(playback.progress, recording.commands.count)
        let end = replayed.snapshot()
        XCTAssertEqual(end.step, recording.final?.step)
        XCTAssertEqual(end.weights.map(\.bitPattern), recording.final?.coefficients.map(\.bitPattern))
        XCTAssertEqual(end.intercept?.bitPattern, recording.final?.intercept?.bitPattern)
        XCTAssertFalse(playback.advance(), "a finished playback stays finished")
    }

    func testReaderErrorsNameFileAndLine() throws {
        let header = "{\"recording\":1,\"setup\":" + String(decoding: try JSONEncoder().encode(SessionSetup()), as: UTF8.self) + "}"
        func error(_ text: String) -> String {
            do {
                _ = try SessionRecording.parse(Data(text.utf8), file: "demo.jsonl")
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        XCTAssertEqual(error(""), "demo.jsonl: empty recording (no header line)")
        XCTAssertEqual(error("[1]"), "demo.jsonl:1: not a JSON object")
        XCTAssertEqual(error("{\"step\":0}"), "demo.jsonl:1: expected the header line {\"recording\":1,\"setup\":…}")
        XCTAssertTrue(error(header + "\n{\"step\":0,\"command\":{\"jump\":{}}}").hasPrefix("demo.jsonl:2: 'command': "))
        XCTAssertTrue(error(header + "\n\n{\"step\":\"x\",\"command\":{\"start\":{}}}").hasPrefix("demo.jsonl:3: 'step': "))
        XCTAssertEqual(error(header + "\n{\"hello\":1}"), "demo.jsonl:2: expected a command line {\"step\":…,\"command\":…} or the final line")
        let final = "{\"final\":{\"step\":0,\"coefficients\":[0],\"intercept\":0}}"
        XCTAssertEqual(error(header + "\n" + final + "\n{\"step\":0,\"command\":{\"start\":{}}}"), "demo.jsonl:3: a line after the final line")
        XCTAssertEqual(error(header + "\n" + final), "no error")
        for message in [error("[1]"), error(header + "\n{\"step\":0,\"command\":{\"jump\":{}}}")] {
            XCTAssertFalse(message.contains("\n"), message)
        }
        XCTAssertThrowsError(try SessionRecording.load(path: "/nonexistent/x.jsonl")) {
            XCTAssertEqual("\($0)", "/nonexistent/x.jsonl: no such file")
        }
    }

    func testReplayRefusesARecordingItCannotReach() throws {
        let setup = SessionSetup(data: .init(), hyperparameters: .init(), stop: .init(steps: 10))
        var recording = SessionRecording(
            setup: setup, commands: [.init(step: 0, command: .start), .init(step: 50, command: .pause)], final: nil)
        recording.file = "short.jsonl"
        XCTAssertThrowsError(try recording.replay(on: try setup.data.load())) {
            XCTAssertTrue("\($0)".hasPrefix("short.jsonl: the command at step 50 cannot be replayed: the run is at step 10"), "\($0)")
        }
    }

    func testRecorderRejectsAnUnwritablePathUpFront() {
        XCTAssertThrowsError(try SessionRecorder(path: "/nonexistent-dir/rec.jsonl", setup: .init())) {
            XCTAssertEqual("\($0)", "/nonexistent-dir/rec.jsonl: no such directory")
        }
    }
}
