// A recording is on the disk action by action (a SIGKILL loses nothing before it), a cut-short last line replays,
// and a recording's settings meet the same rules as typed options, in messages naming file:line and the key.
import Foundation
import TestSupport
import XCTest
import Engine

final class IncrementalRecordingTests: XCTestCase {
    private func temporaryPath(_ name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    private let setup = SessionSetup(
        data: DataSpecification(source: .builtin(.synthetic), synthetic: .init(rows: 200, features: 2), seed: 3),
        hyperparameters: .init(method: .gd, learningRate: 0.05), stop: .init(steps: 300))

    func testEveryActionIsInTheFileBeforeTheSessionEnds() throws {
        let path = temporaryPath("live.jsonl")
        let recorder = try SessionRecorder(path: path, setup: setup)
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("{\"recording\":1,"), "no header at start")
        let session = setup.makeSession(try setup.data.load())
        defer { session.shutdown() }
        recorder.attach(to: session)
        for _ in 0..<3 { session.step() }
        session.setHyperparameters(.init(method: .gd, update: .momentum, learningRate: 0.02))
        session.step()
        session.waitUntilIdle()
        recorder.waitUntilWritten()
        // As a SIGKILL would leave it: no final line, every applied command there, in order.
        let recording = try SessionRecording.load(path: path)
        XCTAssertNil(recording.final)
        XCTAssertEqual(recording.commands, session.appliedCommands())
        XCTAssertEqual(recording.commands.count, 5)
        XCTAssertEqual(recording.setup, setup)

        try recorder.finish(session: session)
        let finished = try SessionRecording.load(path: path)
        XCTAssertEqual(finished.final?.step, session.snapshot().step)
        XCTAssertEqual(finished.commands, session.appliedCommands())
    }

    func testACutShortLastLineReplaysWithOneNotice() throws {
        let path = temporaryPath("cut.jsonl")
        let session = setup.makeSession(try setup.data.load())
        defer { session.shutdown() }
        for _ in 0..<4 { session.step() }
        try SessionRecorder(path: path, setup: setup).finish(session: session)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text.removeLast(15)  // into the final line, as a crash mid-write leaves it
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let recording = try SessionRecording.load(path: path)
        XCTAssertNil(recording.final)
        XCTAssertEqual(recording.commands.count, 5)  // four steps and the pause of finish
        XCTAssertEqual(recording.notices.count, 1)
        XCTAssertTrue(recording.notices[0].hasPrefix("\(path):7: the last line is cut short"), recording.notices[0])
        // A bad line that is not the last, or a last line that ends with its newline, is still an error.
        try (text + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try SessionRecording.load(path: path)) { XCTAssertEqual("\($0)", "\(path):7: not a JSON object") }
    }

    func testReplayedSettingsMeetTheRulesOfTypedOptions() throws {
        let cases: [(group: String, key: String, value: Any, option: String, typed: String)] = [
            ("hyperparameters", "learningRate", -3, "--lr", "-3"),
            ("hyperparameters", "batchSize", 0, "--batch-size", "0"),
            ("hyperparameters", "momentum", 1.5, "--momentum", "1.5"),
            ("hyperparameters", "l2", -1, "--l2", "-1"),
            ("stop", "steps", 0, "--steps", "0"),
            ("stop", "tolerance", -1, "--tol", "-1"),
            ("data", "polynomialDegree", 40, "--poly", "40"),
            ("data", "testFraction", 1.5, "--test-fraction", "1.5"),
        ]
        for item in cases {
            let data = try setting(item.group, item.key, item.value)
            XCTAssertThrowsError(try SessionRecording.parse(data, file: "lesson.jsonl"), item.key) { error in
                let text = "\(error)"
                XCTAssertTrue(text.hasPrefix("lesson.jsonl:1: 'setup.\(item.group).\(item.key)': "), text)
                // The reason is the one a typed option gets.
                let typed = try? DescentProcess.run(["fit", "--dataset", "synthetic", item.option, item.typed])
                if let typed {
                    XCTAssertEqual(typed.status, 1, typed.stderr)
                    let reason = typed.stderr.components(separatedBy: "\(item.option): ").last ?? ""
                    XCTAssertTrue(text.hasSuffix(": " + reason.trimmingCharacters(in: .newlines)), "\(text) vs \(typed.stderr)")
                }
            }
        }
    }

    /// The recording `setup` with one setting changed through its JSON.
    private func recording(_ change: (inout [String: Any]) -> Void) throws -> Data {
        let path = temporaryPath("base.jsonl")
        let session = setup.makeSession(try setup.data.load())
        defer { session.shutdown() }
        session.step()
        try SessionRecorder(path: path, setup: setup).finish(session: session)
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        var header = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        change(&header)
        lines[0] = String(decoding: try JSONSerialization.data(withJSONObject: header), as: UTF8.self)
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    private func setting(_ group: String, _ key: String, _ value: Any) throws -> Data {
        try recording { header in
            var setup = header["setup"] as! [String: Any]
            var table = setup[group] as! [String: Any]
            table[key] = value
            setup[group] = table
            header["setup"] = setup
        }
    }

    func testWrongTypesAreOurWordsNeverTheDecoders() throws {
        let cases: [(Data, String)] = [
            (try setting("stop", "tolerance", "x"), "lesson.jsonl:1: 'setup.stop.tolerance': must be a number"),
            (try setting("hyperparameters", "batchSize", 2.5), "lesson.jsonl:1: a value that does not fit its key (a fraction for a whole number, or a name Descent does not know)"),
            (try setting("hyperparameters", "method", "fast\u{1b}[31m"), "lesson.jsonl:1: 'setup.hyperparameters.method': not a value Descent knows here"),
            (try recording { $0["recording"] = "one\u{1d}" }, "lesson.jsonl:1: 'recording': format 'one\\x1d' is not supported (expected 1)"),
            (try recording { $0["setup"] = nil }, "lesson.jsonl:1: missing key 'setup'"),
        ]
        for (data, expected) in cases {
            XCTAssertThrowsError(try SessionRecording.parse(data, file: "lesson.jsonl")) { error in
                XCTAssertEqual("\(error)", expected)
                XCTAssertFalse("\(error)".contains("Expected to decode"), "\(error)")
            }
        }
    }
}
