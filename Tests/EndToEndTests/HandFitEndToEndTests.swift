// Fitting by hand and starting anywhere in the real binary in tmux: keys and SGR mouse drags set the line, Space hands over.
import Foundation
import XCTest

final class HandFitEndToEndTests: XCTestCase {
    /// The hand-fit status bar's figure after `label` ("slope 2.430"), nil when it is not shown.
    private func figure(_ label: String, in screen: String) -> String? { TmuxSession.word(after: label, in: screen) }

    func testKeysAndAMouseDragSetTheLineAndSpaceLetsGradientDescentGoOnFromIt() throws {
        let tmux = try TmuxSession.descent("--tol 0")
        defer { tmux.close() }
        try tmux.waitFor("the fit view") { $0.contains("Fit · y against x") && $0.contains("READY") }
        try tmux.send("h")
        var screen = try tmux.waitFor("hand fitting, with the distance to the best line") {
            $0.contains("Fit by hand") && $0.contains("slope 0 ") && $0.contains("|w − w*|")
        }
        let flatLoss = try XCTUnwrap(figure("MSE", in: screen))
        // A press tilts the line up toward the data: its loss falls, and the run is at step 0 from there.
        try tmux.send("Right")
        screen = try tmux.waitFor("the tilted line") { self.figure("slope", in: $0).map { $0 != "0" } ?? false }
        XCTAssertLessThan(try XCTUnwrap(Double(figure("MSE", in: screen) ?? "")), try XCTUnwrap(Double(flatLoss)))
        XCTAssertTrue(screen.contains("step 0 ") || screen.contains("READY"), screen)
        let tiltedSlope = try XCTUnwrap(figure("slope", in: screen))

        // A mouse drag on the line (off its handles) moves it up: same slope, a larger intercept.
        let rows = screen.components(separatedBy: "\n")
        let title = try XCTUnwrap(rows.firstIndex { $0.contains("Fit by hand") })
        let intercept = try XCTUnwrap(figure("intercept", in: screen))
        let grab = (column: 40, row: title + 14)
        try tmux.send("-l", "\u{1b}[<0;\(grab.column);\(grab.row)M")
        try tmux.waitFor("the line held") { $0.contains("holding the line") }
        try tmux.send("-l", "\u{1b}[<32;\(grab.column);\(grab.row - 5)M")
        screen = try tmux.waitFor("the dragged line") {
            self.figure("intercept", in: $0).map { Double($0)! > Double(intercept)! + 0.5 } ?? false
        }
        try tmux.send("-l", "\u{1b}[<0;\(grab.column);\(grab.row - 5)m")
        XCTAssertEqual(figure("slope", in: screen), tiltedSlope, "a drag off the handles keeps the slope")

        // Space: gradient descent runs from the hand-set line; the usual status bar is back.
        try tmux.send("Space")
        try tmux.waitFor("training from the hand-set line") { $0.contains("RUNNING") && !$0.contains("Fit by hand") }

        // The landscape: a click on the map starts a new path there (step 0, the run ready again).
        try tmux.send("v")
        screen = try tmux.waitFor("the landscape") { $0.contains("Loss landscape") && $0.contains("● path") }
        let mapRows = screen.components(separatedBy: "\n")
        let mapTitle = try XCTUnwrap(mapRows.firstIndex { $0.contains("Loss landscape") })
        try tmux.send("-l", "\u{1b}[<0;20;\(mapTitle + 6)M")
        try tmux.waitFor("a new start") { $0.contains("READY") && $0.contains("step 0 ") }
        try tmux.send("-l", "\u{1b}[<0;20;\(mapTitle + 6)m")
        try tmux.send("q")
        try tmux.waitFor("exit") { $0.contains("EXIT=0") }
    }
}
