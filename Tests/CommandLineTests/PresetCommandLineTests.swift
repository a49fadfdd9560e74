// Preset through the `descent` binary: what the command line does with it (moved from EngineTests).
import XCTest
import Engine
import TestSupport

final class PresetCommandLineTests: XCTestCase {
    func testAPresetsStartingWeightsStartTheRunAndAWrongCountNamesItsLine() throws {
        // On the command line: the run starts there; a count that does not fit the data names the preset's line,
        // unless --init overrides it.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.toml").path, bad = directory.appendingPathComponent("bad.toml").path
        try "[training]\ninit = [5, -3]\n".write(toFile: good, atomically: true, encoding: .utf8)
        try "# three values for one feature\n[training]\ninit = [5, -3, 1]\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let fit = try DescentProcess.run(["fit", "--preset", good, "--steps", "1", "--lr", "1e-12", "--json"])
        XCTAssertEqual(fit.status, 0, fit.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(fit.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(json["coefficients"] as? [Double])[0], 5, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(json["intercept"] as? Double), -3, accuracy: 1e-9)
        let refused = try DescentProcess.run(["fit", "--preset", bad])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr,
            "descent: \(bad):3: key 'training.init': needs 2 values (a weight for each of the 1 feature, then the intercept), got 3\n")
        let overridden = try DescentProcess.run(["fit", "--preset", bad, "--init", "1,2", "--steps", "1", "--lr", "1e-12", "--json"])
        XCTAssertEqual(overridden.status, 0, overridden.stderr)
    }
}
