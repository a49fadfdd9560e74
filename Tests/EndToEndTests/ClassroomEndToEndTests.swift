// The classroom features in the real binary under tmux: v, n, g, e, convergence, record then replay headless, race.
import Foundation
import XCTest

final class ClassroomEndToEndTests: XCTestCase {
    private var binary: String { TmuxSession.descentBinary }

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("descent-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Starts `descent ARGUMENTS` in `directory` at `width`×`height` (80×24 unless told) and waits for `ready` on screen.
    private func start(
        _ arguments: String, in directory: URL? = nil, width: Int = 80, height: Int = 24, ready: @escaping (String) -> Bool
    ) throws -> TmuxSession {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw XCTSkip("no descent binary at \(binary)") }
        let cd = directory.map { "cd '\($0.path)' && " } ?? ""
        let session = try TmuxSession(
            command: "\(cd)'\(binary)' \(arguments); echo EXIT=$?; sleep 30", width: width, height: height,
            environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color"])
        try session.waitFor("the first screen", ready)
        return session
    }

    private func step(in screen: String) -> Int? {
        guard let range = screen.range(of: #"step (\d+)"#, options: .regularExpression) else { return nil }
        return Int(screen[range].dropFirst(5))
    }

    func testVShowsTheLandscapeWithThePathAndEscapeReturns() throws {
        let tmux = try start("", ready: { $0.contains("Controls") })
        defer { tmux.close() }
        try tmux.send("s")
        try tmux.send("s")
        try tmux.send("v")
        let screen = try tmux.waitFor("the landscape") { $0.contains("Loss landscape") && $0.contains("◆") }
        XCTAssertTrue(screen.contains("●"), screen)
        XCTAssertFalse(screen.contains("Fit · y against x"), screen)
        try tmux.send("Escape")
        try tmux.waitFor("the panels again") { $0.contains("Fit · y against x") }
    }

    func testNNarratesAndTheNextNTakesTheStep() throws {
        let tmux = try start("", ready: { $0.contains("Controls") })
        defer { tmux.close() }
        try tmux.send("n")
        try tmux.waitFor("the narration of step 1") { $0.contains("Narrated step") && $0.contains("step 1: gd") }
        try tmux.send("n")
        let screen = try tmux.waitFor("the narration of step 2") { $0.contains("step 2: gd") }
        XCTAssertTrue(screen.contains("η = 0.1"), screen)
        XCTAssertTrue(screen.contains("w ← w − η·∇w"), screen)
        try tmux.send("Escape")
        let panels = try tmux.waitFor("the panels") { !$0.contains("Narrated step") && $0.contains("Controls") }
        XCTAssertEqual(step(in: panels), 1, "exactly the narrated step was taken:\n\(panels)")
    }

    func testGPinsAGhostWithItsLabel() throws {
        let tmux = try start("", ready: { $0.contains("Controls") })
        defer { tmux.close() }
        try tmux.send("Space")
        try tmux.waitFor("a few steps") { (self.step(in: $0) ?? 0) > 5 }
        try tmux.send("g")
        try tmux.waitFor("the ghost in the legend") { $0.contains("─1 ghost gd lr 0.1 batch 100") }
        try tmux.send("G")
        try tmux.waitFor("the ghost cleared") { !$0.contains("ghost gd") }
    }

    func testEExportsIntoTheCurrentDirectoryAndSaysSo() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = try start("", in: directory, ready: { $0.contains("Controls") })
        defer { tmux.close() }
        try tmux.send("s")
        try tmux.send("e")
        try tmux.waitFor("the export message") { $0.contains("saved descent-export-") }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        XCTAssertEqual(files.filter { $0.hasPrefix("descent-export-") }.count, 8, "CSV, JSON, four figures (with the fit view) and the fitted line: \(files)")
        XCTAssertTrue(files.contains { $0.hasSuffix("-history.csv") }, "\(files)")
        XCTAssertTrue(files.contains { $0.hasSuffix("-fit.csv") }, "one feature: the fitted line too \(files)")
        XCTAssertTrue(files.contains { $0.hasSuffix("-fit.svg") }, "one feature: the fit view's figure too \(files)")
    }

    func testARecordedSessionReplaysHeadlessToTheSameWeights() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("lesson.jsonl").path
        let tmux = try start("--dataset diabetes --lr 0.05 --record '\(file)'", ready: { $0.contains("Controls") })
        defer { tmux.close() }
        try tmux.send("Space")
        try tmux.waitFor("training") { (self.step(in: $0) ?? 0) > 10 }
        try tmux.send("+")
        try tmux.send("m")
        try tmux.waitFor("more steps") { (self.step(in: $0) ?? 0) > 30 }
        try tmux.send("Space")
        try tmux.send("s")
        try tmux.send("q")
        let screen = try tmux.waitFor("the exit") { $0.contains("EXIT=") }
        XCTAssertTrue(screen.contains("EXIT=0"), screen)

        let (lines, final) = try recording(file)
        let recordedSteps = try XCTUnwrap(final?["step"] as? Int)
        let recordedWeights = try XCTUnwrap(final?["coefficients"] as? [Double])
        XCTAssertGreaterThan(recordedSteps, 30)
        XCTAssertGreaterThan(lines.count, 4, "the setup, the commands and the final line")

        let report = try replayHeadless(file)
        XCTAssertEqual(report["steps"] as? Int, recordedSteps)
        let replayed = try XCTUnwrap(report["coefficients"] as? [Double])
        XCTAssertEqual(replayed.map(\.bitPattern), recordedWeights.map(\.bitPattern), "bit-identical coefficients")
        XCTAssertEqual((report["intercept"] as? Double)?.bitPattern, (final?["intercept"] as? Double)?.bitPattern)
    }

    func testConvergenceOnLineSpaceRunsOnResetConvergesAgainAndReplayMatches() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("converge.jsonl").path
        // At 120×40 the note has room for the engine's whole message (80×24 shows a one-line form).
        let tmux = try start("--speed max --record '\(file)'", width: 120, height: 40, ready: { $0.contains("Controls") })
        defer { tmux.close() }
        try tmux.send("Space")
        let converged = try tmux.waitFor("convergence") { $0.contains("CONVERGED:") }
        let convergedStep = try XCTUnwrap(step(in: converged), converged)
        XCTAssertTrue(converged.contains("fell below 1e-10"), converged)
        try tmux.send("Space")
        try tmux.waitFor("running on past convergence") {
            (self.step(in: $0) ?? 0) > convergedStep + 50 && !$0.contains("CONVERGED")
        }
        try tmux.send("r")
        try tmux.waitFor("the reset") { self.step(in: $0) == 0 }
        try tmux.send("Space")
        let again = try tmux.waitFor("convergence after reset") { $0.contains("CONVERGED:") }
        XCTAssertEqual(step(in: again), convergedStep, "the same step as before the reset")
        try tmux.send("q")
        let screen = try tmux.waitFor("the exit") { $0.contains("EXIT=") }
        XCTAssertTrue(screen.contains("EXIT=0"), screen)

        let final = try recording(file).final
        let report = try replayHeadless(file)
        XCTAssertEqual(report["steps"] as? Int, final?["step"] as? Int)
        XCTAssertEqual(report["steps"] as? Int, convergedStep)
        XCTAssertEqual(report["status"] as? String, "converged")
        let replayed = try XCTUnwrap(report["coefficients"] as? [Double])
        let recorded = try XCTUnwrap(final?["coefficients"] as? [Double])
        XCTAssertEqual(replayed.map(\.bitPattern), recorded.map(\.bitPattern), "bit-identical coefficients")
    }

    func testRaceShowsAllThreeMethodsLive() throws {
        let tmux = try start("race --with momentum", ready: { $0.contains("Weights per method") })
        defer { tmux.close() }
        try tmux.send("Space")
        let screen = try tmux.waitFor("the race to run") { (self.step(in: $0) ?? 0) > 10 }
        for label in ["GD", "SGD", "mini-batch 32", "momentum", "Training loss"] {
            XCTAssertTrue(screen.contains(label), "missing \(label):\n\(screen)")
        }
        try tmux.send("q")
        let end = try tmux.waitFor("the exit") { $0.contains("EXIT=") }
        XCTAssertTrue(end.contains("EXIT=0"), end)
    }

    func testRaceTakesTheThemeOptionAndNamesAnUnknownTheme() throws {
        let tmux = try start("race --theme nosuch", ready: { $0.contains("Weights per method") })
        defer { tmux.close() }
        try tmux.send("q")
        // The warning went to stderr before the race took the screen; the restored screen shows it again.
        let end = try tmux.waitFor("the exit") { $0.contains("EXIT=") }
        XCTAssertTrue(end.contains("EXIT=0"), end)
        XCTAssertTrue(end.contains("warning: --theme nosuch: no such theme (have default, light"), end)
        let light = try start("race --theme light", ready: { $0.contains("Weights per method") })
        defer { light.close() }
        try light.send("q")
        let lightEnd = try light.waitFor("the exit") { $0.contains("EXIT=") }
        XCTAssertTrue(lightEnd.contains("EXIT=0"), lightEnd)
        XCTAssertFalse(lightEnd.contains("warning"), lightEnd)
    }

    func testAPresetSetsTheLessonAndLockedControlsRefuse() throws {
        let presets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Presets/overshoot.toml").path
        guard FileManager.default.fileExists(atPath: presets) else { throw XCTSkip("no Presets/overshoot.toml") }
        let tmux = try start("--preset '\(presets)'", ready: { $0.contains("Controls") })
        defer { tmux.close() }
        try tmux.waitFor("the preset's rate, marked above the bound") { $0.contains("lr 2.4") && $0.contains("2.4!") }
        try tmux.send("m")
        try tmux.waitFor("the lock message") { $0.contains("method: locked by the preset") }
        try tmux.send("Space")
        let diverged = try tmux.waitFor("the divergence") { $0.contains("DIVERGED") && $0.contains("2/λmax") }
        XCTAssertTrue(diverged.contains("lr 2.4 > 2/λmax"), diverged)
    }

    /// `descent fit --replay FILE --json`, run to the end; its JSON report.
    private func replayHeadless(_ file: String) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["fit", "--replay", file, "--json"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A recording's lines and the object of its last line, `{"final": {...}}`.
    private func recording(_ file: String) throws -> (lines: [Substring], final: [String: Any]?) {
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        let last = try XCTUnwrap(lines.last, "the recording is empty")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        return (lines, object["final"] as? [String: Any])
    }
}
