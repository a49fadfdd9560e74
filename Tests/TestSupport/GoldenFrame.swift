// Golden frames: a rendered buffer against its text file and its style file; DESCENT_RECORD_GOLDEN=1 rewrites both.
import Foundation
import Plot
import XCTest

/// Compares a frame with `NAME.txt` (its characters) and `NAME.style.txt` (each cell's role and attributes), so
/// a colour regression fails like a misplaced character. The style file has one letter per cell, then a legend
/// ("a = border", "b = title bold"), letters given in the order the styles first appear, left to right, top down.
public struct GoldenFrame: Sendable {
    /// The folder of golden files in the source tree (so record mode writes where git sees it).
    public var directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// The `Golden` folder beside the calling test file.
    public init(beside file: String = #filePath) {
        self.init(directory: URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Golden"))
    }

    /// The characters of `buffer` as its golden text file holds them (trailing spaces kept).
    public static func text(_ buffer: Buffer) -> String { buffer.lines.joined(separator: "\n") + "\n" }

    /// The styles of `buffer` as its golden style file holds them.
    public static func styles(_ buffer: Buffer) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var codes: [String: Character] = [:], legend: [String] = []
        var rows: [String] = []
        for y in 0..<buffer.height {
            var row = ""
            for x in 0..<buffer.width {
                let name = styleName(buffer.cells[y * buffer.width + x])
                if codes[name] == nil {
                    let letter = codes.count < letters.count ? letters[codes.count] : "?"
                    codes[name] = letter
                    legend.append("\(letter) = \(name)")
                }
                row.append(codes[name]!)
            }
            rows.append(row)
        }
        return (rows + [""] + legend).joined(separator: "\n") + "\n"
    }

    /// "border", "title bold", "text.dim reverse": a cell's role and attributes (the right half of a wide
    /// character says so).
    static func styleName(_ cell: Cell) -> String {
        var words = [cell.role.name]
        let attributes: [(CellAttributes, String)] = [
            (.bold, "bold"), (.reverse, "reverse"), (.underline, "underline"), (.dim, "dim"), (.continuation, "continuation"),
        ]
        for (attribute, word) in attributes where cell.attributes.contains(attribute) { words.append(word) }
        return words.joined(separator: " ")
    }

    /// Asserts that `buffer` matches `NAME.txt` and `NAME.style.txt`, failing with a line diff of each that differs.
    public func assertMatches(_ buffer: Buffer, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        assertFile(named: name + ".txt", holds: Self.text(buffer), file: file, line: line)
        assertFile(named: name + ".style.txt", holds: Self.styles(buffer), file: file, line: line)
    }

    /// Asserts that the golden file `fileName` holds `actual` (an SVG figure, a frame's text), failing with a line
    /// diff; with DESCENT_RECORD_GOLDEN=1 it writes `actual` there instead.
    public func assertFile(named fileName: String, holds actual: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = directory.appendingPathComponent(fileName)
        if ProcessInfo.processInfo.environment["DESCENT_RECORD_GOLDEN"] == "1" {
            XCTAssertNoThrow(try actual.write(to: url, atomically: true, encoding: .utf8), file: file, line: line)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("missing golden file \(url.path); record it with DESCENT_RECORD_GOLDEN=1", file: file, line: line)
            return
        }
        guard expected != actual else { return }
        XCTFail("\(fileName) differs:\n" + Self.lineDiff(expected: expected, actual: actual), file: file, line: line)
    }

    /// The lines that differ, numbered: "- " expected, "+ " actual (at most 12 pairs).
    public static func lineDiff(expected: String, actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(e.count, a.count) where out.count < 24 {
            let l = i < e.count ? String(e[i]) : nil, r = i < a.count ? String(a[i]) : nil
            guard l != r else { continue }
            if let l { out.append(String(format: "%3d - |", i + 1) + l + "|") }
            if let r { out.append(String(format: "%3d + |", i + 1) + r + "|") }
        }
        return out.joined(separator: "\n")
    }
}
