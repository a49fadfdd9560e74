// The preset key display.fps: the trainer's --fps from a lesson file, in the same range and with the same one-line errors.
import Engine
import XCTest

final class PresetFrameRateTests: XCTestCase {
    private func error(_ text: String) -> String {
        do {
            _ = try Preset.parse(text, file: "lesson.toml")
            return "no error"
        } catch { return "\(error)" }
    }

    func testDisplayFpsIsReadAndRemembered() throws {
        let preset = try Preset.parse("[display]\nfps = 10\n", file: "p.toml")
        XCTAssertEqual(preset.framesPerSecond, 10)
        XCTAssertTrue(preset.keys.contains("display.fps"))
        XCTAssertNil(try Preset.parse("[training]\nlr = 0.1\n", file: "p.toml").framesPerSecond)
    }

    func testBadFpsValuesNameFileLineAndKey() {
        XCTAssertEqual(error("# slow link\n[display]\nfps = 0\n"), "lesson.toml:3: key 'display.fps': must be between 1 and 60, got 0.0")
        XCTAssertEqual(error("[display]\nfps = 61"), "lesson.toml:2: key 'display.fps': must be between 1 and 60, got 61.0")
        XCTAssertEqual(error("[display]\nfps = \"fast\""), "lesson.toml:2: key 'display.fps': must be a number")
        XCTAssertTrue(error("[display]\nfsp = 10").hasPrefix("lesson.toml:2: key 'display.fsp': unknown key (expected one of fps)"), error("[display]\nfsp = 10"))
    }
}
