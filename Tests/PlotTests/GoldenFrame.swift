// Compares a rendered buffer with a golden text file; DESCENT_RECORD_GOLDEN=1 rewrites the file instead.
import Foundation
import Plot
import XCTest

/// Directory of the golden files in the source tree, so record mode writes where git sees it.
private let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

/// Asserts that `buffer`'s text equals `Golden/<name>.txt`, failing with a line diff.
/// With DESCENT_RECORD_GOLDEN=1 in the environment the file is (re)written and the test passes.
func assertFrame(_ buffer: Buffer, matchesGolden name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = goldenDirectory.appendingPathComponent(name + ".txt")
    let actual = buffer.lines.joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["DESCENT_RECORD_GOLDEN"] == "1" {
        do {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            XCTFail("cannot record \(url.path): \(error)", file: file, line: line)
        }
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("missing golden file \(url.path); run with DESCENT_RECORD_GOLDEN=1 to record it", file: file, line: line)
        return
    }
    guard expected != actual else { return }
    XCTFail("frame differs from \(name).txt:\n" + lineDiff(expected: expected, actual: actual), file: file, line: line)
}

/// A line-by-line diff: "  " for equal lines, "- " expected, "+ " actual, with line numbers.
func lineDiff(expected: String, actual: String) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for i in 0..<max(e.count, a.count) {
        let l = i < e.count ? String(e[i]) : nil, r = i < a.count ? String(a[i]) : nil
        let n = String(format: "%3d", i + 1)
        if l == r {
            out.append("\(n)   |\(l ?? "")|")
        } else {
            if let l { out.append("\(n) - |\(l)|") }
            if let r { out.append("\(n) + |\(r)|") }
        }
    }
    return out.joined(separator: "\n")
}
