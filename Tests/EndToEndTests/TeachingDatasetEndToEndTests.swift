// Anscombe's second set in the real binary in tmux: the title says what it shows, the Fit view draws the line
// through the curve, and training reaches the quartet's R² 0.67.
import Foundation
import XCTest

final class TeachingDatasetEndToEndTests: XCTestCase {
    private var binary: String { TmuxSession.descentBinary }

    func testAnscombePartTwoTrainsToTheQuartetsLine() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw XCTSkip("no descent binary at \(binary)") }
        for (width, height) in [(120, 40), (80, 24)] {
            let tmux = try TmuxSession(
                command: "'\(binary)' --dataset anscombe --part 2; echo EXIT=$?; sleep 30", width: width, height: height,
                environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color"])
            defer { tmux.close() }
            var screen = try tmux.waitFor("the fit view") { $0.contains("Fit · y against x") && $0.contains("━━ model") }
            let title = screen.split(separator: "\n").first.map(String.init) ?? ""
            XCTAssertTrue(title.contains("anscombe 2 ·"), title)
            if width == 120 { XCTAssertTrue(title.contains("same line and R², a smooth curve"), title) }
            XCTAssertTrue(title.contains("(11 rows, 1 feature)"), title)
            try tmux.send("Space")
            screen = try tmux.waitFor("convergence") { $0.contains("CONVERGED") }
            XCTAssertTrue(screen.contains("R² 0.666"), screen)
            XCTAssertTrue(screen.contains("x 0.5"), screen)
            XCTAssertFalse(screen.contains("nan") || screen.contains("NaN"), screen)
            try tmux.send("q")
            try tmux.waitFor("a clean exit") { $0.contains("EXIT=0") }
        }
    }
}
