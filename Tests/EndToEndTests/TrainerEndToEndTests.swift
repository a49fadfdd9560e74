// The real `descent` binary in tmux, used as a person would: panels, Space, c, ?, resize, q.
import Foundation
import XCTest

final class TrainerEndToEndTests: XCTestCase {
    /// The `descent` executable built next to this test bundle (on Linux the bundle URL may already be its folder).
    private var binary: String { TmuxSession.descentBinary }

    private func start(
        width: Int = 120, height: Int = 40, arguments: String = "", locale: String = "C.UTF-8"
    ) throws -> TmuxSession {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw XCTSkip("no descent binary at \(binary)") }
        let session = try TmuxSession(
            command: "'\(binary)' \(arguments); echo EXIT=$?; sleep 30", width: width, height: height,
            environment: ["LANG": locale, "TERM": "xterm-256color"])
        try session.waitFor("the panels") { $0.contains("Loss") && $0.contains("Controls") }
        return session
    }

    private func step(in screen: String) -> Int? {
        guard let range = screen.range(of: #"step (\d+)"#, options: .regularExpression) else { return nil }
        return Int(screen[range].dropFirst(5))
    }

    func testNonUTF8LocaleDrawsOnlyASCII() throws {
        let tmux = try start(width: 80, height: 24, locale: "C")
        defer { tmux.close() }
        try tmux.send("c")
        let screen = try tmux.waitFor("the closed-form figures") { $0.contains("rank 1") }
        XCTAssertTrue(screen.allSatisfy(\.isASCII), "non-ASCII on a C-locale screen:\n\(screen)")
        for text in ["Loss", "Weights", "Controls", "+-", "lr"] {
            XCTAssertTrue(screen.contains(text), "missing \(text):\n\(screen)")
        }
    }

    func testStartsWithEveryPanel() throws {
        let tmux = try start()
        defer { tmux.close() }
        let screen = try tmux.capture()
        for text in ["Loss", "Weights", "Fit · y against x", "Controls", "step 0", "lr 0.1", "batch"] {
            XCTAssertTrue(screen.contains(text), "missing \(text):\n\(screen)")
        }
    }

    func testSpaceRunsAndTheStepCounterRises() throws {
        // --tol 0: on `line` the run converges in about a second, which would beat the pause under load.
        let tmux = try start(arguments: "--tol 0")
        defer { tmux.close() }
        try tmux.send("Space")
        let first = try tmux.waitFor("training to start") { (step(in: $0) ?? 0) > 0 }
        let before = step(in: first) ?? 0
        try tmux.waitFor("the step counter to rise") { (step(in: $0) ?? 0) > before }
        try tmux.send("Space")
        try tmux.waitFor("pause") { $0.contains("PAUSED") }
    }

    func testSwitchingAScheduleOnSGDDecaysTheRate() throws {
        let tmux = try start(arguments: "--preset '\(presetPath("sgd-decay"))' --speed max")
        defer { tmux.close() }
        try tmux.send("Space")
        try tmux.waitFor("SGD to run") { (step(in: $0) ?? 0) > 50 }
        try tmux.send("k")
        try tmux.send("k")
        let screen = try tmux.waitFor("invscaling to take over") { $0.contains("Controls · lr invscaling") }
        XCTAssertTrue(screen.contains("lr↓"), screen)
        // The status bar's rate falls below η₀ = 0.05 as steps go by.
        try tmux.waitFor("the rate to decay") { screen in
            guard let range = screen.range(of: #"lr (0\.0[0-4][0-9]*)↓"#, options: .regularExpression) else { return false }
            return Double(screen[range].dropFirst(3).dropLast()) ?? 1 < 0.05
        }
        try tmux.send("K")
        try tmux.waitFor("the rate overlay") { $0.contains("┄ rate") && $0.contains("rate: own scale") }
        try tmux.send("q")
        try tmux.waitFor("a clean exit") { $0.contains("EXIT=0") }
    }

    private func presetPath(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Presets/\(name).toml").path
    }

    func testClosedFormShowsItsFigures() throws {
        let tmux = try start()
        defer { tmux.close() }
        try tmux.send("c")
        let screen = try tmux.waitFor("closed-form figures") { $0.contains("‖w − w*‖") && $0.contains("rank") }
        XCTAssertTrue(screen.contains("κ GD"), screen)
        XCTAssertTrue(screen.contains("┃ 2/λmax = "), screen)
        XCTAssertTrue(screen.contains("loss*"), screen)
    }

    func testQuestionMarkShowsHelpAndEscapeClosesIt() throws {
        let tmux = try start()
        defer { tmux.close() }
        try tmux.send("?")
        try tmux.waitFor("the help") { $0.contains("Keys") && $0.contains("log / linear loss axis") }
        try tmux.send("Escape")
        try tmux.waitFor("the help to close") { !$0.contains("log / linear loss axis") }
    }

    func testResizeKeepsLayoutAndSmallerShowsTheMessage() throws {
        let tmux = try start()
        defer { tmux.close() }
        try tmux.resize(width: 80, height: 24)
        let screen = try tmux.waitFor("the 80×24 layout") { $0.split(separator: "\n").first.map { $0.count <= 80 } == true && $0.contains("Controls") }
        for text in ["Loss", "Weights", "Fit · y against x", "Controls", "step", "lr"] {
            XCTAssertTrue(screen.contains(text), "missing \(text) at 80×24:\n\(screen)")
        }
        try tmux.resize(width: 70, height: 20)
        try tmux.waitFor("the too-small message") { $0.contains("terminal too small (need 80×24)") }
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor("the layout to come back") { $0.contains("Controls") }
    }

    func testQQuitsWithZeroAndRestoresTheTerminal() throws {
        let tmux = try start()
        defer { tmux.close() }
        try tmux.send("q")
        let screen = try tmux.waitFor("the exit status") { $0.contains("EXIT=") }
        XCTAssertTrue(screen.contains("EXIT=0"), screen)
        XCTAssertFalse(screen.contains("Controls"), "the alternate screen was left:\n\(screen)")
    }

    func testCtrlCRestoresTheTerminalAndExits130() throws {
        let tmux = try start()
        defer { tmux.close() }
        try tmux.send("C-c")
        let screen = try tmux.waitFor("the exit status") { $0.contains("EXIT=") }
        XCTAssertTrue(screen.contains("EXIT=130"), screen)
        XCTAssertFalse(screen.contains("Controls"), screen)
        XCTAssertFalse(screen.contains("descent:"), "a signal is not an error message:\n\(screen)")
    }

    func testSIGTERMRestoresTheTerminalAndExits143() throws {
        let tmux = try start()
        defer { tmux.close() }
        let pid = try XCTUnwrap(tmux.childProcessIdentifier(), "no descent process under the tmux shell")
        XCTAssertEqual(kill(pid, SIGTERM), 0)
        let screen = try tmux.waitFor("the exit status") { $0.contains("EXIT=") }
        XCTAssertTrue(screen.contains("EXIT=143"), screen)
        XCTAssertFalse(screen.contains("Controls"), screen)
        XCTAssertFalse(screen.contains("descent:"), "a signal is not an error message:\n\(screen)")
    }

    func testOpensOnOtherDataWithFitOptions() throws {
        let tmux = try start(arguments: "--dataset diabetes --test-fraction 0.2 --method minibatch --batch-size 16")
        defer { tmux.close() }
        let screen = try tmux.capture()
        XCTAssertTrue(screen.contains("diabetes (354 rows, 10 features)"), screen)
        XCTAssertTrue(screen.contains("batch 16"), screen)
        XCTAssertTrue(screen.contains("test"), screen)
    }

    func testBadDataIsOneLineNamingTheFile() throws {
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw XCTSkip("no descent binary") }
        let missing = "/nonexistent/descent-\(UUID().uuidString).csv"
        let (status, errors) = try runWithoutTerminal([missing, "--target", "y"])
        XCTAssertNotEqual(status, 0)
        XCTAssertTrue(errors.contains(missing), errors)
        XCTAssertEqual(errors.split(separator: "\n").count, 1, errors)
    }

    private func runWithoutTerminal(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        process.standardInput = Pipe()
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    func testNotATerminalPointsToFit() throws {
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw XCTSkip("no descent binary") }
        let (status, text) = try runWithoutTerminal([])
        XCTAssertNotEqual(status, 0)
        XCTAssertTrue(text.contains("descent fit"), text)
        XCTAssertEqual(text.split(separator: "\n").count, 1, text)
    }
}
