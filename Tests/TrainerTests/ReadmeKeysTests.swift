// The README's key table lists every key the trainer's help lists, so the two cannot drift apart.
import XCTest

@testable import Trainer

final class ReadmeKeysTests: XCTestCase {
    func testEveryKeyBindingIsInTheReadme() throws {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        for binding in KeyBinding.all {
            XCTAssertTrue(
                text.contains("| `\(binding.keys)` | \(binding.action) |"),
                "README.md's key table lacks `\(binding.keys)` — \(binding.action)")
        }
    }
}
