// PresetFrameRate through the `descent` binary: what the command line does with it (moved from EngineTests).
import Engine
import XCTest
import TestSupport

final class PresetFrameRateCommandLineTests: XCTestCase {
    func testTheTrainerRefusesABadPresetFpsOnOneLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-fps-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("slow.toml")
        try "[display]\nfps = 100\n".write(to: file, atomically: true, encoding: .utf8)
        let outcome = try DescentProcess.run(["--preset", file.path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stderr, "descent: \(file.path):2: key 'display.fps': must be between 1 and 60, got 100.0\n")
    }
}
