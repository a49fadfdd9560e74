// Sizes that would not fit in memory are refused in one line (how much, and the limit) before anything is allocated.
import MessageText
import Foundation
import TestSupport
import XCTest
import Engine

final class SizeLimitTests: XCTestCase {
    func testTheMessageSaysHowMuchAndTheLimit() {
        XCTAssertNil(MemoryBudget.problem(bytes: 1e9, limit: 2e9))
        XCTAssertEqual(MemoryBudget.problem(bytes: 68.7e9, limit: 23.4e9), "would need 68.7 GB of memory, more than this machine's 23.4 GB")
        XCTAssertEqual(NumberText.bytes(512e6), "512 MB")
        // rows × (d + 1 ones + 1 target) × 8, plus the smaller Gram; no overflow at 2³² rows.
        XCTAssertEqual(MemoryBudget.trainingBytes(rows: 100, features: 1), 8 * (100 * 3 + 4))
        XCTAssertEqual(MemoryBudget.trainingBytes(rows: 4_294_967_297, features: 1), 8 * (4_294_967_297.0 * 3 + 4))
        XCTAssertGreaterThan(MemoryBudget.limitBytes, 1e8)
    }

    private func assertRefused(_ arguments: [String], names place: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let outcome = try DescentProcess.run(arguments)
        XCTAssertEqual(outcome.status, 1, "\(arguments): \(outcome.stderr)", file: file, line: line)
        let lines = outcome.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, outcome.stderr, file: file, line: line)
        let text = String(lines.first ?? "")
        XCTAssertTrue(text.hasPrefix("descent: \(place)"), text, file: file, line: line)
        XCTAssertTrue(text.contains("would need") && text.contains("of memory, more than this machine's"), text, file: file, line: line)
    }

    func testHugeRowCountsAreRefusedInFitRaceBenchAndAPreset() throws {
        try assertRefused(["fit", "--rows", "4294967297"], names: "--rows: 4294967297 rows × 1 feature would need")
        try assertRefused(["fit", "--dataset", "synthetic", "--rows", "4294967297", "--features", "3", "--poly", "2"],
                          names: "--rows: 4294967297 rows × 6 features")
        try assertRefused(["race", "--rows", "4294967297"], names: "--rows:")
        try assertRefused(["bench", "--rows", "4294967297"], names: "--rows:")
        let preset = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString).toml").path
        defer { unlink(preset) }
        try "# too big\n[data]\ndataset = \"synthetic\"\nrows = 4294967297\n".write(toFile: preset, atomically: true, encoding: .utf8)
        try assertRefused(["fit", "--preset", preset], names: "\(preset):4: key 'data.rows': 4294967297 rows × 5 features")
    }

    func testACSVWithAHundredThousandColumnsTrainsAndItsClosedFormIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wide-\(UUID().uuidString).csv").path
        defer { unlink(path) }
        let columns = 100_000
        var text = (0..<columns).map { "c\($0)" }.joined(separator: ",") + "\n"
        for row in 0..<3 { text += (0..<columns).map { String(($0 * 7 + row) % 10) }.joined(separator: ",") + "\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        // Gradient descent needs the 3 × 3 Gram of the rows, not a 100,000² one: it runs (and may diverge, exit 3).
        let fit = try DescentProcess.run(["fit", path, "--steps", "2", "--json"])
        XCTAssertTrue([0, 3].contains(fit.status), fit.stderr)
        XCTAssertTrue(fit.stdout.contains("\"lr_max_stable\""), String(fit.stdout.prefix(300)))
        let name = URL(fileURLWithPath: path).lastPathComponent
        try assertRefused([ "fit", path, "--method", "closed-form"], names: "closed form: \(name): 3 rows × 99999 features")
    }
}
