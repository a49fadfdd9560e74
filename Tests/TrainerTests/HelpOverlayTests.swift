// Tests of the help window: every keymap line and note on some page at every size, paging keys, a 50-key keymap.
import Plot
import Terminal
import XCTest
@testable import Trainer

final class HelpOverlayTests: XCTestCase {
    /// The text of every page of `help` drawn in a `width`×`height` area, page by page.
    private func pages<Action>(_ help: HelpOverlay<Action>, width: Int, height: Int) -> [String] {
        let area = Rect(x: 0, y: 0, width: width, height: height)
        return (0..<help.pageCount(in: area)).map { page in
            var shown = help
            shown.page = page
            var buffer = Buffer(width: width, height: height)
            shown.render(into: &buffer, area: area)
            return buffer.text
        }
    }

    /// Each line's keys and help side by side, and each note, must be on some page.
    private func assertEverythingShown<Action>(_ help: HelpOverlay<Action>, width: Int, height: Int, file: StaticString = #filePath, line: UInt = #line) {
        let texts = pages(help, width: width, height: height)
        let rows = texts.flatMap { $0.components(separatedBy: "\n") }
        for command in help.commands {
            let shown = rows.contains { row in
                guard let at = row.range(of: command.help) else { return false }
                return row[..<at.lowerBound].trimmingCharacters(in: .whitespaces).hasSuffix(command.keys)
            }
            XCTAssertTrue(shown, "\(width)×\(height): \(command.keys) — \(command.help) on no page of \(texts.count)", file: file, line: line)
        }
        for note in help.notes {
            XCTAssertTrue(texts.contains { $0.contains(note) }, "\(width)×\(height): note \(note) on no page", file: file, line: line)
        }
        if texts.count > 1 {
            for (index, text) in texts.enumerated() {
                XCTAssertTrue(text.contains("\(index + 1)/\(texts.count)"), "page \(index + 1) says which it is", file: file, line: line)
            }
        }
    }

    func testEveryTrainerKeyAndNoteIsOnSomePageAtEverySize() {
        for (width, height) in [(80, 22), (80, 24), (100, 30), (120, 38), (160, 46), (200, 60)] {
            assertEverythingShown(HelpOverlay(page: 0), width: width, height: height)
        }
    }

    /// 50 lines of the longest sizes the keymap allows (6-cell keys, 30-cell help) in the body of an 80×24 screen.
    func testFiftyCommandsAreAllReachableAt80x24() {
        let commands = (1...50).map { n in
            KeyCommand<TrainerAction>(String(format: "k%05d", n), "fixture command number " + String(format: "%07d", n), [])
        }
        XCTAssertEqual(commands[0].keys.count, 6)
        XCTAssertEqual(commands[0].help.count, 30)
        let help = HelpOverlay(commands: commands, notes: HelpOverlay.trainerNotes)
        let body = TrainerFixtures.state(width: 80, height: 24).layout.body
        XCTAssertGreaterThan(help.pageCount(in: Rect(x: 0, y: 0, width: body.width, height: body.height)), 1, "50 lines take more than one page")
        assertEverythingShown(help, width: body.width, height: body.height)
        assertEverythingShown(help, width: 120, height: 38)
    }

    func testNotesWiderThanTheBoxAreWrappedNotCut() {
        let note = "a note that is much longer than the narrow box it has to fit in, so it wraps"
        let help = HelpOverlay(commands: [KeyCommand<TrainerAction>("x", "one", [])], notes: [note])
        let text = pages(help, width: 40, height: 20).joined(separator: "\n")
        for word in note.split(separator: " ") { XCTAssertTrue(text.contains(word), "\(word) kept:\n\(text)") }
    }

    func testPagingKeysTurnThePagesAndOpeningStartsAtTheFirst() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        _ = state.handle(.key(.character("?")))
        XCTAssertEqual(state.overlay, .help)
        _ = state.handle(.key(.pageDown))
        XCTAssertEqual(state.helpPage, 1)
        _ = state.handle(.key(.character(" ")))
        XCTAssertEqual(state.helpPage, 2)
        _ = state.handle(.key(.pageUp))
        _ = state.handle(.key(.left))
        XCTAssertEqual(state.helpPage, 0)
        XCTAssertEqual(state.overlay, .help, "paging keeps the help open")
        _ = state.handle(.key(.escape))
        XCTAssertEqual(state.overlay, .none)
        _ = state.handle(.key(.character(" ")))
        XCTAssertEqual(state.helpPage, 0, "Space on the main screen runs, it turns no page")
        state.helpPage = 3
        _ = state.handle(.key(.character("?")))
        XCTAssertEqual(state.helpPage, 0, "the help opens on its first page")
    }

    func testPagesWrapAroundBothWays() {
        let help = HelpOverlay(page: 0)
        let area = Rect(x: 0, y: 0, width: 80, height: 22)
        let count = help.pageCount(in: area)
        func render(_ page: Int) -> String {
            var buffer = Buffer(width: 80, height: 22)
            HelpOverlay(page: page).render(into: &buffer, area: area)
            return buffer.text
        }
        XCTAssertEqual(render(count), render(0))
        XCTAssertEqual(render(-1), render(count - 1))
    }
}
