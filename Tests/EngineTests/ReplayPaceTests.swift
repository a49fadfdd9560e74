// A replay at the recorded pace: the schedule of due times, the times in the file, and results that do not depend on the pace.
import TestSupport
import XCTest
import Engine

final class ReplayPaceTests: XCTestCase {
    func testCommandsAreDueAtTheirRecordedTimeScaledBySpeed() {
        let pace = ReplayPace(speed: 1, now: 100)
        XCTAssertEqual(pace.due(recorded: 0), 100)
        XCTAssertEqual(pace.due(recorded: 2.5), 102.5)
        let twice = ReplayPace(speed: 2, now: 100)
        XCTAssertEqual(twice.due(recorded: 3), 101.5)
        let quarter = ReplayPace(speed: 0.25, now: 100)
        XCTAssertEqual(quarter.due(recorded: 1), 104)
        XCTAssertNil(ReplayPace(speed: nil, now: 100).due(recorded: 3), "max: due at once")
        XCTAssertNil(pace.due(recorded: nil), "a recording without times: due at once")
    }

    func testASpeedChangeMidwayKeepsWhatWasWaitedAndPlaysTheRestAtTheNewSpeed() {
        var pace = ReplayPace(speed: 1, now: 0)
        // 4 s into a recording whose last command sent was at 3 s, twice as fast from now: the clock stands at 4 s,
        // so a command at 10 s is 6 recorded seconds away, 3 s of wall time.
        pace.change(speed: 2, now: 4, recordedNow: 3)
        XCTAssertEqual(pace.due(recorded: 10), 7)
        XCTAssertEqual(pace.due(recorded: 4), 4, "a command already due stays due now")
        // From max (no clock) back to the recorded pace: from the last command sent.
        var fast = ReplayPace(speed: nil, now: 0)
        fast.change(speed: 1, now: 50, recordedNow: 20)
        XCTAssertEqual(fast.due(recorded: 21), 51)
        XCTAssertEqual(fast.speed, 1)
    }

    func testBehindScheduleCommandsAreDueAtOnceNotEarlierThanTheirTurn() {
        var pace = ReplayPace(speed: 1, now: 0)
        pace.change(speed: 1, now: 30, recordedNow: 5)  // 30 s in (the steps took longer than recorded)
        XCTAssertEqual(pace.due(recorded: 20), 30, "late commands are due now, not in the past's future")
    }

    func testFasterAndSlowerStayInRangeAndNameThemselves() {
        XCTAssertEqual(ReplayPace.faster(1), 2)
        XCTAssertEqual(ReplayPace.faster(16), 16)
        XCTAssertNil(ReplayPace.faster(nil))
        XCTAssertEqual(ReplayPace.slower(1), 0.5)
        XCTAssertEqual(ReplayPace.slower(0.25), 0.25)
        XCTAssertEqual(ReplayPace.slower(nil), 16)
        XCTAssertEqual(ReplayPace.label(2), "×2")
        XCTAssertEqual(ReplayPace.label(0.5), "×0.5")
        XCTAssertEqual(ReplayPace.label(nil), "max")
    }

    private func temporaryPath(_ name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    func testRecordedCommandsCarryTheirTimeAndReadBackEqual() throws {
        let setup = SessionSetup(
            data: DataSpecification(source: .builtin(.line), synthetic: .init(rows: 80), seed: 3),
            hyperparameters: .init(method: .gd, learningRate: 0.1), stop: .init(steps: 40))
        let session = setup.makeSession(try setup.data.load())
        defer { session.shutdown() }
        session.step()
        Thread.sleep(forTimeInterval: 0.02)
        session.step()
        session.waitUntilIdle()
        let applied = session.appliedCommands()
        XCTAssertEqual(applied.count, 2)
        let times = applied.compactMap(\.time)
        XCTAssertEqual(times.count, 2, "every applied command has a time")
        XCTAssertGreaterThanOrEqual(times[1], times[0] + 0.015, "the times are the session's clock")
        XCTAssertEqual(times.map { ($0 * 1000).rounded() / 1000 }, times, "to the millisecond")

        let path = temporaryPath("timed.jsonl")
        let recorder = try SessionRecorder(path: path, setup: setup)
        try recorder.finish(session: session)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("\"time\":"), text)
        XCTAssertEqual(try SessionRecording.load(path: path).commands, session.appliedCommands())
        XCTAssertEqual(Array(session.appliedCommands().prefix(2)), applied)
    }

    func testARecordingWithoutTimesStillLoadsAndABadTimeNamesItsLine() throws {
        let header = "{\"recording\":1,\"setup\":" + String(decoding: try JSONEncoder().encode(SessionSetup()), as: UTF8.self) + "}"
        let old = try SessionRecording.parse(Data((header + "\n{\"step\":0,\"command\":{\"start\":{}}}").utf8), file: "old.jsonl")
        XCTAssertEqual(old.commands, [AppliedCommand(step: 0, command: .start)])
        XCTAssertNil(old.commands[0].time)
        XCTAssertThrowsError(try SessionRecording.parse(Data((header + "\n{\"step\":0,\"time\":-1,\"command\":{\"start\":{}}}").utf8), file: "bad.jsonl")) {
            XCTAssertEqual("\($0)", "bad.jsonl:2: 'time': must be a number of seconds, at least 0, got -1.0")
        }
    }

    /// A recording whose commands are spread over 0.3 s of recorded time, played on a live session.
    private func play(_ recording: SessionRecording, setup: SessionSetup, speed: Double?) throws -> (TrainingSnapshot, TimeInterval) {
        let session = setup.makeSession(try setup.data.load())
        defer { session.shutdown() }
        let playback = RecordingPlayback(recording: recording, session: session, speed: speed)
        let start = Date()
        waitFor("the playback to finish", seconds: 30) { !playback.advance() }
        XCTAssertEqual(playback.progress, recording.commands.count)
        return (session.snapshot(), Date().timeIntervalSince(start))
    }

    func testThePaceChangesWhenCommandsAreSentNeverTheStepsTheyApplyAt() throws {
        let setup = SessionSetup(
            data: DataSpecification(source: .builtin(.line), synthetic: .init(rows: 120), seed: 9),
            hyperparameters: .init(method: .sgd, learningRate: 0.01), stop: .init(steps: 300))
        let commands = [
            AppliedCommand(step: 0, command: .setSpeed(stepsPerSecond: nil), time: 0),
            AppliedCommand(step: 0, command: .start, time: 0.01),
            AppliedCommand(step: 100, command: .pause, time: 0.05),
            AppliedCommand(step: 100, command: .setHyperparameters(.init(method: .minibatch, update: .adam, learningRate: 0.05, batchSize: 8)), time: 0.2),
            AppliedCommand(step: 100, command: .start, time: 0.3),
        ]
        var recording = SessionRecording(setup: setup, commands: commands, final: .init(step: 300, coefficients: [], intercept: nil))
        let reference = try recording.replay(on: try setup.data.load())
        recording.final = .init(step: reference.step, coefficients: reference.model.weights, intercept: reference.model.intercept)

        let (paced, pacedSeconds) = try play(recording, setup: setup, speed: 1)
        let (fastest, _) = try play(recording, setup: setup, speed: nil)
        for end in [paced, fastest] {
            XCTAssertEqual(end.step, reference.step)
            XCTAssertEqual(end.weights.map(\.bitPattern), reference.model.weights.map(\.bitPattern))
            XCTAssertEqual(end.intercept?.bitPattern, reference.model.intercept?.bitPattern)
        }
        // At the recorded pace the last command cannot be sent before its recorded 0.3 s (a lower bound only).
        XCTAssertGreaterThanOrEqual(pacedSeconds, 0.3)
    }
}
