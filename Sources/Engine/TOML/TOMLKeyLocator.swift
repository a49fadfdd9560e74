// Where a key is written in TOML text, so a message about a preset or a theme can name its file:line.
import Foundation

/// The line that defines each key path of a TOML document: `[table]` and `[[array]]` headers, and `key = value`
/// lines under them, with bare, "basic" or 'literal' keys, dotted or not (`data.seed = 3` defines `data` and
/// `data.seed`). Lines inside multi-line strings and arrays are values, not keys. TOMLKit's parsed values carry
/// no position, so presets (`Preset.parse`) and themes (`Theme(name:toml:file:)`) both find their lines here.
public struct TOMLKeyLocator: Sendable {
    /// The 1-based line of the first definition of each path.
    private var lines: [[String]: Int] = [:]

    public init(_ text: String) {
        var table: [String] = []
        var scanner = ValueScanner()
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(raw)
            if scanner.isInsideValue {
                scanner.scan(&rest)
                continue
            }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            if rest.first == "[" {
                let arrayTable = rest.hasPrefix("[[")
                rest = rest.dropFirst(arrayTable ? 2 : 1)
                guard let path = Self.keyPath(&rest), rest.first == "]" else { continue }
                table = path
                define(path, line: index + 1)
            } else if let path = Self.keyPath(&rest), rest.first == "=" {
                define(table + path, line: index + 1)
                rest = rest.dropFirst()
                scanner.scan(&rest)
            }
        }
    }

    /// The line that defines `path` (e.g. `["training", "lr"]`, `["palette"]`, `["loss.train"]`); when `path` is
    /// not written out itself (a field of an inline table), the line of its longest prefix that is; nil when
    /// not even its first part is.
    public func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path] { return line }
            path.removeLast()
        }
        return nil
    }

    /// Whether a header or a key line names `path` (whole, or as the start of a longer dotted key); false for a
    /// field of an inline table.
    public func writesOut(_ path: [String]) -> Bool { lines[path] != nil }

    /// Records `path` and the tables it implies (the first line that names each).
    private mutating func define(_ path: [String], line: Int) {
        guard !path.isEmpty else { return }
        for end in 1...path.count {
            let prefix = Array(path[..<end])
            if lines[prefix] == nil { lines[prefix] = line }
        }
    }

    /// A dotted key at the start of `text` (bare, "basic" or 'literal' parts), leaving `text` after it and the
    /// spaces that follow; nil if `text` does not start with a key.
    private static func keyPath(_ text: inout Substring) -> [String]? {
        var parts: [String] = []
        while true {
            text = text.drop { $0 == " " || $0 == "\t" }
            guard let part = keyPart(&text) else { return nil }
            parts.append(part)
            text = text.drop { $0 == " " || $0 == "\t" }
            guard text.first == "." else { return parts }
            text = text.dropFirst()
        }
    }

    private static func keyPart(_ text: inout Substring) -> String? {
        switch text.first {
        case "\"":
            var part = "", index = text.index(after: text.startIndex)
            while index < text.endIndex {
                let c = text[index]
                if c == "\"" {
                    text = text[text.index(after: index)...]
                    return part
                }
                if c == "\\" {
                    index = text.index(after: index)
                    guard index < text.endIndex else { return nil }
                    guard let (scalar, next) = unescape(text, at: index) else { return nil }
                    part.unicodeScalars.append(scalar)
                    index = next
                    continue
                }
                part.append(c)
                index = text.index(after: index)
            }
            return nil
        case "'":
            let body = text.dropFirst()
            guard let close = body.firstIndex(of: "'") else { return nil }
            text = body[body.index(after: close)...]
            return String(body[..<close])
        default:
            let bare = text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
            guard !bare.isEmpty else { return nil }
            text = text[bare.endIndex...]
            return String(bare)
        }
    }

    /// The character of a basic string's escape whose letter is at `index`, and the index after the escape.
    private static func unescape(_ text: Substring, at index: Substring.Index) -> (Unicode.Scalar, Substring.Index)? {
        let letter = text[index]
        let next = text.index(after: index)
        let simple: [Character: Unicode.Scalar] = [
            "b": "\u{08}", "t": "\t", "n": "\n", "f": "\u{0C}", "r": "\r", "e": "\u{1B}", "\"": "\"", "\\": "\\",
        ]
        if let scalar = simple[letter] { return (scalar, next) }
        guard letter == "u" || letter == "U" else { return nil }
        let digits = text[next...].prefix(letter == "u" ? 4 : 8)
        guard digits.count == (letter == "u" ? 4 : 8), let value = UInt32(digits, radix: 16),
            let scalar = Unicode.Scalar(value)
        else { return nil }
        return (scalar, digits.endIndex)
    }
}

/// Follows a value across lines: strings (multi-line ones too), comments, and the brackets of arrays and inline
/// tables, so that the lines of a value that continues are not taken for keys.
private struct ValueScanner {
    /// `"""` or `'''` while inside a multi-line string.
    private var multiline: String?
    private var depth = 0

    var isInsideValue: Bool { multiline != nil || depth > 0 }

    mutating func scan(_ text: inout Substring) {
        while let c = text.first {
            if let delimiter = multiline {
                guard let close = text.range(of: delimiter) else { return }
                text = text[close.upperBound...]
                multiline = nil
                continue
            }
            if text.hasPrefix("\"\"\"") || text.hasPrefix("'''") {
                multiline = String(text.prefix(3))
                text = text.dropFirst(3)
                continue
            }
            text = text.dropFirst()
            switch c {
            case "#": return
            case "[", "{": depth += 1
            case "]", "}": depth = max(0, depth - 1)
            case "\"":
                while let s = text.first, s != "\"" {
                    text = text.dropFirst(s == "\\" ? 2 : 1)
                }
                text = text.dropFirst()
            case "'":
                text = text.drop { $0 != "'" }.dropFirst()
            default: break
            }
        }
    }
}
