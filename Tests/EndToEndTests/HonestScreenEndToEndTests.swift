// The real binary tells the truth: divergence on large data shows DIVERGED at once, not a stale loss beside exploding weights.
import Foundation
import XCTest

final class HonestScreenEndToEndTests: XCTestCase {
    private var binary: String { TmuxSession.descentBinary }

    /// The largest power of ten any number on the screen shows (e.g. 164 for "3e+164"), ∞ for inf or NaN.
    private func largestExponent(_ screen: String) -> Double {
        if screen.contains("inf") || screen.contains("nan") || screen.contains("NaN") { return .infinity }
        let pattern = try! NSRegularExpression(pattern: #"[0-9]e\+([0-9]+)"#)
        return pattern.matches(in: screen, range: NSRange(screen.startIndex..., in: screen)).compactMap {
            Range($0.range(at: 1), in: screen).flatMap { Double(screen[$0]) }
        }.max() ?? 0
    }

    func testSGDOnLargeDataShowsDivergedWithinASecondOfTheWeightsRunningAway() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw XCTSkip("no descent binary at \(binary)") }
        let tmux = try TmuxSession(
            command: "'\(binary)' --dataset synthetic --rows 100000 --features 32 --method sgd --lr 2; sleep 30",
            width: 120, height: 40, environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color"])
        defer { tmux.close() }
        try tmux.waitFor("the panels", seconds: 30) { $0.contains("Loss") && $0.contains("Controls") }
        try tmux.send("Space")
        var runawaySince: Date?
        var diverged: Date?
        var screen = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            screen = try tmux.capture()
            if screen.contains("DIVERGED") { diverged = Date(); break }
            // Numbers past 1e+12 on a z-scored problem whose answer is of order 1: the weights have left any sane range.
            if runawaySince == nil, largestExponent(screen) >= 12 { runawaySince = Date() }
            if let since = runawaySince, Date().timeIntervalSince(since) > 1 {
                XCTFail("the weights ran away over a second ago and the screen does not say DIVERGED:\n\(screen)")
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertNotNil(diverged, "never DIVERGED:\n\(screen)")
        XCTAssertTrue(screen.contains("largest stable") || screen.contains("2/λmax"), screen)
    }

    /// SGR (1006) mouse reports reach the trainer: a click on the lr track past column 223 (X10's limit) moves it.
    func testClickPastColumn223MovesTheLearningRateSlider() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw XCTSkip("no descent binary at \(binary)") }
        let tmux = try TmuxSession(
            command: "'\(binary)'; sleep 30", width: 240, height: 50, environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color"])
        defer { tmux.close() }
        let screen = try tmux.waitFor("the panels") { $0.contains("Controls") && $0.contains("lr     ") }
        let lines = screen.components(separatedBy: "\n")
        let row = try XCTUnwrap(lines.firstIndex { $0.contains("│ lr     ") })
        let line = Array(lines[row])
        let lastTrack = try XCTUnwrap(line.lastIndex(of: "─"))
        XCTAssertGreaterThan(lastTrack, 223, "the click lands past X10's last column")
        Thread.sleep(forTimeInterval: 0.5)
        // The report as a terminal sends it: 1-based column and row, M for the press, m for the release.
        try tmux.send("-l", "\u{1B}[<0;\(lastTrack + 1);\(row + 1)M")
        try tmux.send("-l", "\u{1B}[<0;\(lastTrack + 1);\(row + 1)m")
        let after = try tmux.waitFor("the rate to follow the click") { screen in
            guard let range = screen.range(of: #"│ lr ([0-9.]+)"#, options: .regularExpression) else { return false }
            return (Double(screen[range].dropFirst(5)) ?? 0) > 1
        }
        XCTAssertFalse(after.contains("[<"), "no piece of the report echoed as text")
    }

    /// A typed rate is used exactly, far below the old slider floor: raw Longley needs lr < 5.8e-12. At 10 fps.
    func testTypedTinyRateIsKeptOnRawLongley() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw XCTSkip("no descent binary at \(binary)") }
        let tmux = try TmuxSession(
            command: "'\(binary)' --dataset longley --no-standardize --lr 1e-12 --fps 10; echo EXIT=$?; sleep 30",
            width: 120, height: 40, environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color"])
        defer { tmux.close() }
        let screen = try tmux.waitFor("the panels") { $0.contains("Controls") || $0.contains("EXIT=") }
        XCTAssertFalse(screen.contains("EXIT="), screen)
        XCTAssertFalse(screen.contains("must be"), screen)
        let bound = try tmux.waitFor("the bound under the sliders") { $0.contains("2/λmax = 5.78") }
        XCTAssertTrue(bound.contains("│ lr 1e-12 │"), bound)
    }
}
