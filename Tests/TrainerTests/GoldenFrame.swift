// Compares a rendered frame with a golden text file; DESCENT_RECORD_GOLDEN=1 rewrites the file instead.
import Foundation
import Plot
import XCTest

enum GoldenFrame {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func assertMatches(_ buffer: Buffer, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = directory.appendingPathComponent(name + ".txt")
        let actual = buffer.text + "\n"
        if ProcessInfo.processInfo.environment["DESCENT_RECORD_GOLDEN"] == "1" {
            XCTAssertNoThrow(try actual.write(to: url, atomically: true, encoding: .utf8), file: file, line: line)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("missing golden \(url.path); record with DESCENT_RECORD_GOLDEN=1", file: file, line: line)
            return
        }
        guard expected != actual else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for i in 0..<max(expectedLines.count, actualLines.count) {
            let e = i < expectedLines.count ? String(expectedLines[i]) : "<none>"
            let a = i < actualLines.count ? String(actualLines[i]) : "<none>"
            if e != a { diff.append("line \(i + 1):\n  expected |\(e)|\n  actual   |\(a)|") }
        }
        XCTFail("\(name) differs from its golden file:\n" + diff.prefix(8).joined(separator: "\n"), file: file, line: line)
    }
}
