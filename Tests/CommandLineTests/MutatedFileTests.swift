// Seeded mutants of shipped presets and of a recording: each loads or is refused in one line naming the file (and
// the line where there is one); never a trap. A few go through the real binary: exit 1 and one escaped line.
import Foundation
import TestSupport
import XCTest
import Engine

final class MutatedFileTests: XCTestCase {
    private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func assertOneLocatedLine(_ text: String, file name: String, _ mutant: [UInt8], line: UInt = #line) {
        XCTAssertTrue(text.hasPrefix(name + ":"), "no location in '\(text)' for \(String(decoding: mutant, as: UTF8.self).debugDescription)", line: line)
        XCTAssertFalse(text.contains("\n"), text, line: line)
    }

    func testMutatedPresetsLoadOrNameTheirPlace() throws {
        var refused = 0, loaded = 0
        for (index, name) in ["overshoot.toml", "sgd-noise.toml", "polynomial-overfit.toml"].enumerated() {
            let text = try String(contentsOf: repository.appendingPathComponent("Presets/\(name)"), encoding: .utf8)
            for mutant in FileMutations(text, count: 150, seed: 0x9E5E7 + UInt64(index)) {
                do {
                    _ = try Preset.parse(String(decoding: mutant, as: UTF8.self), file: name)
                    loaded += 1
                } catch let error as PresetError {
                    refused += 1
                    assertOneLocatedLine(error.description, file: name, mutant)
                }
            }
        }
        XCTAssertGreaterThan(refused, 100)
        XCTAssertGreaterThan(loaded, 10)
    }

    private func recordingText() throws -> String {
        let setup = SessionSetup(
            data: DataSpecification(source: .builtin(.synthetic), synthetic: .init(rows: 60, features: 2), seed: 5),
            hyperparameters: .init(method: .gd, learningRate: 0.05), stop: .init(steps: 40))
        let session = setup.makeSession(try setup.data.load())
        defer { session.shutdown() }
        for _ in 0..<3 { session.step() }
        session.setHyperparameters(.init(method: .minibatch, update: .adam, learningRate: 0.01, batchSize: 8))
        session.step()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mutants-\(UUID().uuidString).jsonl").path
        defer { unlink(path) }
        try SessionRecorder(path: path, setup: setup).finish(session: session)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    func testMutatedRecordingsLoadOrNameTheirPlace() throws {
        let text = try recordingText()
        var refused = 0, loaded = 0
        for mutant in FileMutations(text, count: 400, seed: 0x5EC0) {
            do {
                _ = try SessionRecording.parse(Data(mutant), file: "lesson.jsonl")
                loaded += 1
            } catch let error as RecordingError {
                refused += 1
                assertOneLocatedLine(error.description, file: "lesson.jsonl", mutant)
                XCTAssertFalse(error.description.contains("Expected to decode") || error.description.contains("codingPath"), error.description)
            }
        }
        XCTAssertGreaterThan(refused, 200)
        XCTAssertGreaterThan(loaded, 10)
    }

    /// Through the binary: exit 1 with one line, escaped (no control byte reaches the terminal), or a run.
    func testMutantsThroughTheBinaryExitOneWithOneEscapedLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mutants-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let preset = try String(contentsOf: repository.appendingPathComponent("Presets/overshoot.toml"), encoding: .utf8)
        let sources: [(text: String, name: String, option: String)] = [
            (preset, "p.toml", "--preset"), (try recordingText(), "r.jsonl", "--replay"),
        ]
        for source in sources {
            for (index, mutant) in FileMutations(source.text, count: 12, seed: 0xB1 + UInt64(source.name.count)).enumerated() {
                // Every mutant carries an ESC sequence somewhere, as a hostile file would.
                var bytes = mutant
                bytes.insert(contentsOf: Array("\u{1b}]0;pwned\u{07}".utf8), at: min(bytes.count, (index * 37) % max(1, bytes.count)))
                let path = directory.appendingPathComponent("\(index)-\(source.name)").path
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                let outcome = try DescentProcess.run(["fit", source.option, path, "--json"])
                XCTAssertTrue([0, 1, 3].contains(outcome.status), "status \(outcome.status): \(outcome.stderr)")
                XCTAssertFalse(outcome.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, outcome.stderr.debugDescription)
                if outcome.status == 1 {
                    let lines = outcome.stderr.split(separator: "\n")
                    XCTAssertEqual(lines.count, 1, outcome.stderr)
                    XCTAssertTrue(lines.first?.hasPrefix("descent: \(path)") ?? false, outcome.stderr)
                }
            }
        }
    }

    func testOptionValuesAreEscapedInMessages() throws {
        let outcome = try DescentProcess.run(["fit", "--dataset", "synthetic", "--target", "y\u{1b}[31m\u{1d}"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stderr.split(separator: "\n").count, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("\\x1b[31m\\x1d"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("\u{1b}"), outcome.stderr)
        let parsed = try DescentProcess.run(["fit", "--lr", "x\u{1b}]0;t\u{07}"])
        XCTAssertEqual(parsed.status, 1)
        XCTAssertFalse(parsed.stderr.contains("\u{1b}") || parsed.stderr.contains("\u{07}"), parsed.stderr)
    }
}
