// Signals on the real binary in an interactive shell: SIGHUP, Ctrl-\, Ctrl-Z and `fg`, a crash — the terminal always comes back.
import Foundation
import XCTest

final class SignalEndToEndTests: XCTestCase {
    private var binary: String { TmuxSession.descentBinary }

    /// An interactive bash (job control on, so Ctrl-Z and `fg` work as for a user) running `descent ARGUMENTS`.
    private func start(arguments: String = "") throws -> TmuxSession {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw XCTSkip("no descent binary at \(binary)") }
        guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { throw XCTSkip("no bash") }
        let session = try TmuxSession(
            command: "exec /bin/bash --norc --noprofile -i", width: 100, height: 30,
            environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color", "PS1": "$ "])
        try session.send("clear; '\(binary)' \(arguments)", "Enter")
        try session.waitFor("the panels") { $0.contains("Loss") && $0.contains("Controls") }
        return session
    }

    /// Waits until the program has left the alternate screen, then asks the shell for its exit status.
    private func exitStatus(in tmux: TmuxSession) throws -> String {
        let deadline = Date().addingTimeInterval(10)
        while try tmux.display("#{alternate_on}") != "0", Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        try tmux.send("echo EXIT=$?", "Enter")
        let screen = try tmux.waitFor("the exit status") { $0.range(of: #"EXIT=\d"#, options: .regularExpression) != nil }
        return screen
    }

    /// Asks the shell in the pane for the line settings and returns the screen once they are shown.
    private func lineSettings(in tmux: TmuxSession) throws -> String {
        try tmux.send("stty -a | tr ' ' '\\n' | grep -x -e '-*icanon' -e '-*echo' | tr '\\n' ' '; echo :S''TTY", "Enter")
        return try tmux.waitFor("stty's answer") { $0.contains(" :STTY") }
    }

    private func assertSane(_ screen: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(screen.contains("icanon echo :STTY"), "line settings not restored:\n\(screen)", file: file, line: line)
        XCTAssertFalse(screen.contains("-icanon"), screen, file: file, line: line)
    }

    private func descentProcess(in tmux: TmuxSession) throws -> Int32 {
        guard let pid = try tmux.childProcessIdentifier() else { throw XCTSkip("cannot find the descent process") }
        return pid
    }

    func testSIGHUPRestoresTheTerminalAndWritesTheRecordingWithItsFinalLine() throws {
        let recording = FileManager.default.temporaryDirectory.appendingPathComponent("hup-\(UUID().uuidString).jsonl").path
        defer { unlink(recording) }
        let tmux = try start(arguments: "--tol 0 --record '\(recording)'")
        defer { tmux.close() }
        try tmux.send("Space")
        try tmux.waitFor("training") { $0.contains("RUNNING") }
        kill(try descentProcess(in: tmux), SIGHUP)
        XCTAssertTrue(try exitStatus(in: tmux).contains("EXIT=129"))
        assertSane(try lineSettings(in: tmux))
        XCTAssertEqual(try tmux.display("#{alternate_on}"), "0", "still on the alternate screen")
        let lines = try String(contentsOfFile: recording, encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(lines.first?.hasPrefix("{\"recording\":1") ?? false, "\(lines)")
        XCTAssertTrue(lines.contains { $0.contains("\"start\"") }, "the Space is not recorded: \(lines)")
        XCTAssertTrue(lines.last?.hasPrefix("{\"final\":") ?? false, "no final line: \(lines)")
    }

    func testSIGKILLKeepsEveryActionUpToTheLastAndTheRecordingReplays() throws {
        let recording = FileManager.default.temporaryDirectory.appendingPathComponent("kill-\(UUID().uuidString).jsonl").path
        defer { unlink(recording) }
        let tmux = try start(arguments: "--record '\(recording)'")
        defer { tmux.close() }
        for _ in 0..<3 { try tmux.send("s") }
        try tmux.waitFor("three steps") { $0.contains("step 3") }
        try tmux.send("+")
        try tmux.waitFor("the new rate") { $0.contains("lr 0.2") }
        kill(try descentProcess(in: tmux), SIGKILL)
        let lines = try String(contentsOfFile: recording, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.contains("\"step\":{}") }.count, 3, "\(lines)")
        XCTAssertTrue(lines.last?.contains("\"learningRate\":0.2") ?? false, "the last action is missing: \(lines)")
        XCTAssertFalse(lines.contains { $0.hasPrefix("{\"final\"") })
        // A recording without its final line replays to where the last action left it.
        let replay = Process()
        replay.executableURL = URL(fileURLWithPath: binary)
        replay.arguments = ["fit", "--replay", recording]
        let output = Pipe()
        replay.standardOutput = output
        try replay.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        replay.waitUntilExit()
        XCTAssertEqual(replay.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("lr 0.2"), text)
    }

    func testCtrlBackslashExitsCleanlyWithoutTheBacktracer() throws {
        let tmux = try start()
        defer { tmux.close() }
        try tmux.send("C-\\")
        let screen = try exitStatus(in: tmux)
        XCTAssertTrue(screen.contains("EXIT=131"), screen)
        XCTAssertFalse(screen.contains("Press space"), screen)
        XCTAssertFalse(screen.contains("Backtrac"), screen)
        assertSane(try lineSettings(in: tmux))
    }

    func testCtrlZSuspendsAndFgComesBackWithRawInputAndMouseReports() throws {
        let tmux = try start()
        defer { tmux.close() }
        XCTAssertEqual(try tmux.display("#{mouse_button_flag}"), "1", "no drag reports at start")
        try tmux.send("C-z")
        try tmux.waitFor("the shell's job notice") { $0.contains("Stopped") }
        XCTAssertEqual(try tmux.display("#{alternate_on}#{mouse_button_flag}#{mouse_standard_flag}"), "000")
        assertSane(try lineSettings(in: tmux))
        try tmux.send("clear; fg", "Enter")
        try tmux.waitFor("the panels again") { $0.contains("Loss") && $0.contains("Controls") }
        XCTAssertEqual(try tmux.display("#{alternate_on}#{mouse_button_flag}"), "11", "raw screen or mouse lost after fg")
        // Keys reach the trainer again (raw input: Space without Enter starts the run).
        try tmux.send("Space")
        try tmux.waitFor("training after the resume") { $0.contains("RUNNING") || $0.contains("CONVERGED") }
        try tmux.send("q")
        let screen = try exitStatus(in: tmux)
        XCTAssertTrue(screen.contains("EXIT=0"), screen)
    }

    func testACrashIsOneLineOnARestoredTerminal() throws {
        let tmux = try start()
        defer { tmux.close() }
        kill(try descentProcess(in: tmux), SIGSEGV)
        let screen = try exitStatus(in: tmux)
        XCTAssertTrue(screen.contains("EXIT=139"), screen)
        XCTAssertTrue(screen.contains("descent: crashed (SIGSEGV"), screen)
        XCTAssertTrue(screen.contains("report"), screen)
        XCTAssertFalse(screen.contains("Backtrac"), screen)
        XCTAssertFalse(screen.contains("Press space"), screen)
        assertSane(try lineSettings(in: tmux))
    }
}
