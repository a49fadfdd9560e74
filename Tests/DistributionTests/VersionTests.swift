// `descent --version` prints the version written in Sources/descent/Version.swift, and nothing else.
import Foundation
import XCTest

final class VersionTests: XCTestCase {
    /// The version literal in the one source of truth, read from the source tree beside this test.
    static func sourceVersion() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Sources/descent/Version.swift"), encoding: .utf8)
        guard let range = text.range(of: #"static let current = "[^"]+""#, options: .regularExpression) else {
            throw XCTSkip("no version literal in Version.swift")
        }
        return String(text[range].split(separator: "\"")[1])
    }

    func testVersionFlagPrintsTheVersionAndExitsZero() throws {
        let expected = try Self.sourceVersion()
        XCTAssertNotNil(expected.range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression), "not semantic: \(expected)")
        for arguments in [["--version"], ["fit", "--version"]] {
            let outcome = try BinaryRun.run(BinaryRun.builtBinary(for: Self.self), arguments)
            XCTAssertEqual(outcome.status, 0, "\(arguments): \(outcome.stderr)")
            XCTAssertEqual(outcome.stdout, expected + "\n", "\(arguments)")
            XCTAssertEqual(outcome.stderr, "", "\(arguments)")
        }
    }
}
