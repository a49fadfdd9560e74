// The keymaps are the one source of the keys: README tables match them both ways, every key is announced, none collide.
import Engine
import Foundation
import Terminal
import XCTest

@testable import Trainer

final class KeymapTests: XCTestCase {
    private func readme() throws -> String {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The (keys, action) pairs of the README table whose header row starts with `| header |`, read row by row
    /// (a row may hold several pairs side by side).
    private func readmeTable(header: String, in text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("| \(header) |") }) else { return [] }
        var pairs: [String] = []
        for line in lines[(start + 2)...] {
            guard line.hasPrefix("|") else { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            for index in stride(from: 0, to: cells.count - 1, by: 2) {
                // An odd count of keys leaves the last row's second pair empty.
                if cells[index].isEmpty && cells[index + 1].isEmpty { continue }
                let keys = cells[index].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
                pairs.append(keys + " — " + cells[index + 1])
            }
        }
        return pairs
    }

    private func lines<Action>(_ keymap: Keymap<Action>) -> [String] { keymap.commands.map { $0.keys + " — " + $0.help } }

    func testTheReadmeKeyTableIsTheTrainerKeymapInBothDirections() throws {
        let table = readmeTable(header: "key", in: try readme())
        let keymap = lines(TrainerKeymap.keys)
        XCTAssertFalse(table.isEmpty, "README.md has no `| key | action |` table")
        for line in keymap where !table.contains(line) { XCTFail("README.md's key table lacks \(line)") }
        for line in table where !keymap.contains(line) { XCTFail("README.md's key table has \(line), which the keymap does not") }
        // Down the first column, then the second, as the help lists them.
        let half = (keymap.count + 1) / 2
        let columnOrder = (0..<keymap.count).map { $0 < half ? 2 * $0 : 2 * ($0 - half) + 1 }
        XCTAssertEqual(table.count, keymap.count)
        if table.count == keymap.count {
            XCTAssertEqual(columnOrder.map { table[$0] }, keymap, "README.md lists the keys in the help's order")
        }
    }

    func testTheReadmeRaceKeyTableIsTheRaceKeymapInBothDirections() throws {
        let table = readmeTable(header: "race key", in: try readme())
        XCTAssertEqual(table, lines(RaceKeymap.keys))
    }

    /// How the help writes a key.
    private func name(_ key: Key) -> String {
        switch key {
        case .character(" "): return "Space"
        case let .character(c): return String(c)
        case .up, .down, .left, .right: return "arrows"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case let .function(n): return "F\(n)"
        case let .control(c): return "Ctrl-" + String(c).uppercased()
        }
    }

    /// The words of a help line, with the punctuation around longer ones dropped (`(S-Tab:` reads `S-Tab`).
    private func words(_ text: String) -> Set<String> {
        Set(text.split(separator: " ").map { piece in
            var word = String(piece)
            if word.count > 1, word.hasPrefix("(") { word.removeFirst() }
            if word.count > 1, word.hasSuffix(")") { word.removeLast() }
            if word.count > 1, let last = word.last, ":;,".contains(last) { word.removeLast() }
            return word
        })
    }

    private func assertEveryKeyIsNamedAndNoneCollide<Action>(_ keymap: Keymap<Action>, contexts: [KeyContext]) {
        for command in keymap.commands {
            let named = words(command.keys).union(words(command.help))
            for binding in command.bindings {
                for key in binding.keys {
                    XCTAssertTrue(named.contains(name(key)), "\(name(key)) works but its help line does not say so: \(command.keys) — \(command.help)")
                }
            }
            XCTAssertLessThanOrEqual(command.keys.count, 6, "fits the help's key column: \(command.keys)")
            XCTAssertLessThanOrEqual(command.help.count, 30, "fits two help columns at 80: \(command.help)")
        }
        for context in contexts {
            var seen: Set<Key> = []
            for binding in keymap.commands.flatMap(\.bindings) where binding.contexts.contains(context) {
                for key in binding.keys { XCTAssertTrue(seen.insert(key).inserted, "\(name(key)) is bound twice in \(context)") }
            }
        }
    }

    func testEveryTrainerKeyIsNamedInItsHelpLineAndNoneCollide() {
        assertEveryKeyIsNamedAndNoneCollide(TrainerKeymap.keys, contexts: [.main, .help, .narration, .pointCursor])
    }

    func testEveryRaceKeyIsNamedInItsHelpLineAndNoneCollide() {
        assertEveryKeyIsNamedAndNoneCollide(RaceKeymap.keys, contexts: [.main, .help])
    }

    func testTheUndocumentedKeysOfOldAreInTheHelpAndStillWork() {
        let keys = TrainerKeymap.keys
        XCTAssertEqual(keys.action(for: .character("="), in: .main), .learningRateUp)
        XCTAssertEqual(keys.action(for: .character("_"), in: .main), .learningRateDown)
        XCTAssertEqual(keys.action(for: .character("."), in: .main), .faster)
        XCTAssertEqual(keys.action(for: .character(","), in: .main), .slower)
        XCTAssertEqual(keys.action(for: .function(1), in: .main), .help)
        XCTAssertEqual(RaceKeymap.keys.action(for: .function(1), in: .main), .help)
    }

    func testEveryBorderWordIsAlsoAKey() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.ghosts.pin(GhostRun(method: .gd, update: .plain, learningRate: 0.1, batchSize: 1, curve: LossCurve(buckets: [], totalSteps: 0)))
        var actions: [TrainerAction] = []
        for border in TrainerBorder.allCases { actions += TrainerKeymap.words(in: border, for: state).map(\.0) }
        state.showsLandscape = true
        actions += TrainerKeymap.words(in: .landscape, for: state).map(\.0)
        XCTAssertTrue(actions.contains(.clearGhosts))
        for action in actions { XCTAssertTrue(TrainerKeymap.keys.hasKey(for: action), "the word for \(action) has no key") }
        let race = RaceState(width: 80, height: 24, dataName: "line", rowCount: 20, featureNames: ["x"], contestants: [])
        for (action, _) in RaceKeymap.words(for: race) { XCTAssertTrue(RaceKeymap.keys.hasKey(for: action), "race word \(action)") }
    }

    func testHelpAndNarrationWindowsTakeOnlyTheirKeys() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.overlay = .help
        XCTAssertEqual(state.handle(.key(.character(" "))), [], "the help swallows Space")
        XCTAssertEqual(state.overlay, .help)
        _ = state.handle(.key(.function(1)))
        XCTAssertEqual(state.overlay, .none, "F1 closes the help it opened")
        _ = state.handle(.key(.function(1)))
        XCTAssertEqual(state.overlay, .help)
        _ = state.handle(.key(.control("c")))
        XCTAssertEqual(state.exitCode, 0)
    }
}
