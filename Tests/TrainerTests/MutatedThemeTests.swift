// Seeded mutants of every shipped theme: each loads or is refused in one line naming file:line; never a trap.
import Foundation
import XCTest
@testable import Trainer

final class MutatedThemeTests: XCTestCase {
    func testMutatedThemesLoadOrNameTheirLine() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Themes")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".toml") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 4)
        var refused = 0, loaded = 0
        for (index, name) in names.enumerated() {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for mutant in FileMutations(text, count: 120, seed: 0x7E3E + UInt64(index)) {
                do {
                    _ = try Theme(name: "mutant", toml: String(decoding: mutant, as: UTF8.self), file: name)
                    loaded += 1
                } catch let error as ThemeError {
                    refused += 1
                    let text = error.description
                    XCTAssertTrue(text.range(of: "^\(NSRegularExpression.escapedPattern(for: name)):[0-9]+", options: .regularExpression) != nil,
                                  "no file:line in '\(text)'")
                    XCTAssertFalse(text.contains("\n"), text)
                }
            }
        }
        XCTAssertGreaterThan(refused, 50)
        XCTAssertGreaterThan(loaded, 10)
    }

    func testControlCharactersInAThemeAreEscapedInItsMessage() {
        XCTAssertThrowsError(try Theme(name: "evil", toml: "# evil\n\"loss.train\" = \"\\u001b]0;pwned\\u0007red\"\n", file: "evil.toml")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("evil.toml:2"), text)
            XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 }, text.debugDescription)
            XCTAssertTrue(text.contains("\\x1b]0;pwned\\x07"), text)
        }
    }
}
