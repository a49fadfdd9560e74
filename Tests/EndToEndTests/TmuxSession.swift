// Drives a program in a detached tmux session: start, send keys, capture the screen, poll with a deadline.
import Foundation
import XCTest

/// One tmux session running a command, on its own tmux server (a private socket), so tests never touch
/// anyone else's sessions; `close()` ends that server.
final class TmuxSession {
    let name: String
    private let socket: String
    private static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isAvailable: Bool { tmux != nil }

    /// The built `descent` next to the test bundle (run `swift build --product descent` first).
    static var descentBinary: String {
        let bundle = Bundle(for: TmuxSession.self).bundleURL
        let folder = bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
        return folder.appendingPathComponent("descent").path
    }

    /// The built `descent` with `arguments` (shell words) in a UTF-8 xterm-256color session, then `echo EXIT=$?`
    /// so a test can read the exit status; skips the test when tmux or the binary is missing.
    static func descent(_ arguments: String = "", width: Int = 120, height: Int = 40) throws -> TmuxSession {
        guard isAvailable else { throw XCTSkip("tmux is not installed") }
        let binary = descentBinary
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw XCTSkip("no descent binary at \(binary)") }
        return try TmuxSession(
            command: "'\(binary)' \(arguments); echo EXIT=$?; sleep 30", width: width, height: height,
            environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color"])
    }

    /// The word after `label` and a space on `screen` ("loss* 1.071" → "1.071"), nil when the label is not shown.
    static func word(after label: String, in screen: String) -> String? {
        guard let range = screen.range(of: label + " ") else { return nil }
        return String(screen[range.upperBound...].prefix { !$0.isWhitespace })
    }

    /// Starts `command` in a shell inside a new width × height session.
    init(command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        name = "descent-e2e-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        socket = name
        let exports = environment.map { "export \($0.key)='\($0.value)'; " }.joined()
        try run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", name, exports + command], captures: false)
    }

    func close() { _ = try? run(["kill-server"]) }

    func send(_ keys: String...) throws { try run(["send-keys", "-t", name] + keys) }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// A tmux format evaluated for the pane, e.g. "#{mouse_button_flag}" (whether the program asked for drag reports).
    func display(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The visible screen as text.
    func capture() throws -> String { try run(["capture-pane", "-p", "-t", name]) }

    /// Polls the screen until `condition` holds or `seconds` pass; returns the last screen.
    @discardableResult
    func waitFor(
        _ description: String, seconds: Double = 10, file: StaticString = #filePath, line: UInt = #line,
        _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("timed out waiting for \(description); screen:\n\(screen)", file: file, line: line)
        return screen
    }

    /// The process the session's shell started (the program under test), found through /proc.
    func childProcessIdentifier() throws -> Int32? {
        let shell = try run(["list-panes", "-t", name, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8) else { return nil }
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Runs tmux and returns its output. Spawned directly and waited for with waitpid, because the tmux server
    /// that `new-session` leaves behind would keep Foundation's `Process` from ever seeing the client exit.
    @discardableResult
    private func run(_ arguments: [String], captures: Bool = true) throws -> String {
        guard let tmux = Self.tmux else { throw XCTSkip("tmux is not installed") }
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).out").path
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, captures ? outputPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([tmux, "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmux, &actions, nil, argv, environ)
        guard spawned == 0 else { throw XCTSkip("cannot run tmux (error \(spawned))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return captures ? ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "") : ""
    }
}
