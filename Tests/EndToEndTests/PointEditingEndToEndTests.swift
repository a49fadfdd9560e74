// Editing the Fit view's points in the real binary in tmux: an SGR mouse click and the keys add outliers, the closed form moves.
import Foundation
import XCTest

final class PointEditingEndToEndTests: XCTestCase {
    /// The closed form's loss in the loss legend ("╌ loss* 1.071"), nil while it is not shown.
    private func optimumLoss(_ screen: String) -> String? { TmuxSession.word(after: "loss*", in: screen) }

    func testAMouseClickAndTheKeysAddOutliersAndTheClosedFormMoves() throws {
        let tmux = try TmuxSession.descent("--tol 0")
        defer { tmux.close() }
        var screen = try tmux.waitFor("the fit view") { $0.contains("Fit · y against x") && $0.contains("(100 rows") }
        try tmux.send("c")
        screen = try tmux.waitFor("the closed form") { self.optimumLoss($0) != nil }
        let loaded = try XCTUnwrap(optimumLoss(screen))
        try tmux.send("Space")
        try tmux.waitFor("training") { $0.contains("RUNNING") }

        // A left click far above the line's left end (the line data rises): SGR press and release, 1-based.
        let rows = screen.components(separatedBy: "\n")
        let fitTitle = try XCTUnwrap(rows.firstIndex { $0.contains("Fit · y against x") })
        let row = fitTitle + 3, column = 10
        // The press adds the point; the release follows once it shows, as a hand's would (a press and its release
        // in one read may reach the program as one event).
        try tmux.send("-l", "\u{1b}[<0;\(column);\(row)M")
        // The closed form moved, and the loss chart marks the step where the data changed.
        try tmux.waitFor("the clicked point") {
            $0.contains("(101 rows") && self.optimumLoss($0).map { $0 != loaded } ?? false && $0.contains("data edited")
        }
        try tmux.send("-l", "\u{1b}[<0;\(column);\(row)m")

        // A right click on the same cell removes the nearest point, the one just added: the closed form is as loaded.
        try tmux.send("-l", "\u{1b}[<2;\(column);\(row)M")
        try tmux.waitFor("the point removed") { $0.contains("(100 rows") && self.optimumLoss($0) == loaded }
        try tmux.send("-l", "\u{1b}[<2;\(column);\(row)m")

        // The keyboard: one outlier, then the point cursor adds a point.
        try tmux.send("O")
        screen = try tmux.waitFor("the outlier") { $0.contains("(101 rows") && self.optimumLoss($0).map { $0 != loaded } ?? false }
        let outlier = try XCTUnwrap(optimumLoss(screen))
        try tmux.send("p")
        try tmux.waitFor("the cursor keys") { $0.contains("a add") && $0.contains("┼") }
        try tmux.send("Up", "Up", "Up", "Left", "Left", "Left", "Left", "a")
        try tmux.waitFor("the cursor's point") { $0.contains("(102 rows") && self.optimumLoss($0).map { $0 != outlier } ?? false }
        try tmux.send("Escape")
        try tmux.waitFor("the figures back") { $0.contains("step ") && !$0.contains("a add") }

        // U undoes every edit: the closed form is as loaded again.
        try tmux.send("U")
        try tmux.waitFor("the data as loaded") { $0.contains("(100 rows") && self.optimumLoss($0) == loaded }
        try tmux.send("q")
        try tmux.waitFor("exit") { $0.contains("EXIT=0") }
    }
}
