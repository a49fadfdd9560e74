// Feature names in CJK and with emoji: every panel keeps its borders in place (golden frames at 80×24).
import TestSupport
@testable import Engine
import Plot
import XCTest

@testable import Trainer

final class WideNameScreenTests: XCTestCase {
    private func state(names: [String], landscape: Bool = false) -> TrainerState {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.featureNames = names
        state.snapshot.weights = [1.9876, -0.75]
        state.landscapeAxes = LandscapeAxes(featureCount: names.count, fitIntercept: true)
        state.showsLandscape = landscape
        return state
    }

    private func frame(_ state: TrainerState) -> Buffer {
        TrainerScreen(state: state, charts: TrainerFixtures.charts(), landscape: TrainerFixtures.landscape()).render()
    }

    /// Each line is 80 columns on a terminal, and the panels' side borders stay in their columns.
    private func assertAligned(_ buffer: Buffer, landscape: Bool = false, file: StaticString = #filePath, line: UInt = #line) {
        let plain = frame(state(names: ["area", "rooms"], landscape: landscape))
        for (index, text) in buffer.lines.enumerated() {
            XCTAssertEqual(text.displayWidth, 80, "line \(index + 1): \(text)", file: file, line: line)
        }
        for y in 1..<(buffer.height - 1) {
            for x in [0, 38, 39, 79] where "│╭╮╰╯".contains(plain[x, y].character) {
                XCTAssertEqual(buffer[x, y].character, plain[x, y].character, "border at (\(x), \(y))", file: file, line: line)
            }
        }
    }

    func testGoldenCJKFeatureNames() {
        let buffer = frame(state(names: ["面积", "房间数"]))
        golden.assertMatches(buffer, named: "wide-cjk-names-80x24")
        assertAligned(buffer)
        XCTAssertTrue(buffer.text.contains("面积"))
        XCTAssertTrue(buffer.text.contains("房间数"))
    }

    func testGoldenEmojiFeatureNames() {
        let buffer = frame(state(names: ["🏠 rooms", "❤️ score"]))
        golden.assertMatches(buffer, named: "wide-emoji-names-80x24")
        assertAligned(buffer)
        XCTAssertTrue(buffer.text.contains("🏠 rooms"))
    }

    func testTheLandscapeWordsMeasureWideNames() {
        let wide = state(names: ["面积", "房间数"], landscape: true)
        let words = wide.toolbarItems().filter { $0.action == .landscapeX || $0.action == .landscapeY }
        XCTAssertEqual(words.map(\.text), ["x: 面积", "y: 房间数"])
        XCTAssertEqual(words.map(\.area.width), [9, 11], "[x: 面积] is 9 columns")
        let buffer = frame(wide)
        assertAligned(buffer, landscape: true)
        XCTAssertTrue(buffer.text.contains("[x: 面积][y: 房间数]"))
    }
}
