// The one-line errors of the CSV reader, each naming its place in the file (file:line:column).
import MessageText

/// A place in an input file; line and column are 1-based, the column counts characters.
public struct CSVPosition: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file`, `file:line` or `file:line:column`, with the file name escaped like any quoted input.
    public var description: String {
        var text = file.escapedForMessage
        if let line { text += ":\(line)" }
        if let line = line, line > 0, let column { text += ":\(column)" }
        return text
    }
}

/// Why a CSV file could not be read. `description` is the single line shown to the user: the place, then what
/// is wrong; text quoted from the file (cells, column names) has its control characters escaped.
public enum CSVError: Error, Equatable, CustomStringConvertible {
    case missingFile(CSVPosition)
    case unreadableFile(CSVPosition, reason: String)
    /// The file's size or contents changed between the start and the end of reading it.
    case changedWhileRead(CSVPosition)
    case emptyFile(CSVPosition)
    case headerOnly(CSVPosition)
    case tooFewRows(CSVPosition, rows: Int)
    case notUTF8(CSVPosition)
    case raggedRow(CSVPosition, fields: Int, expected: Int)
    case duplicateColumn(CSVPosition, name: String)
    case unterminatedQuote(CSVPosition)
    case missingValue(CSVPosition, column: String, text: String)
    case notANumber(CSVPosition, column: String, text: String)
    case notFinite(CSVPosition, column: String, text: String)

    public var description: String {
        switch self {
        case .missingFile(let at): return "\(at): no such file"
        case .unreadableFile(let at, let reason): return "\(at): cannot read the file: \(reason)"
        case .changedWhileRead(let at): return "\(at) changed while it was read"
        case .emptyFile(let at): return "\(at): the file is empty; expected a header row and at least 2 data rows"
        case .headerOnly(let at): return "\(at): only a header row; expected at least 2 data rows"
        case .tooFewRows(let at, let rows):
            return "\(at): only \(rows) data row\(rows == 1 ? "" : "s"); need at least 2"
        case .notUTF8(let at): return "\(at): this field is not UTF-8 text"
        case .raggedRow(let at, let fields, let expected):
            return "\(at): this row has \(fields) field\(fields == 1 ? "" : "s") but the header has \(expected)"
        case .duplicateColumn(let at, let name): return "\(at): duplicate column name '\(name.escapedForMessage)'"
        case .unterminatedQuote(let at): return "\(at): a quoted field is never closed"
        case .missingValue(let at, let column, let text):
            let shown = text.isEmpty ? "an empty value" : "the missing value '\(text.escapedForMessage)'"
            return "\(at): \(shown) in column '\(column.escapedForMessage)'; remove the row or fill it in"
        case .notANumber(let at, let column, let text):
            return "\(at): '\(text.escapedForMessage)' in column '\(column.escapedForMessage)' is not a number"
        case .notFinite(let at, let column, let text):
            return "\(at): '\(text.escapedForMessage)' in column '\(column.escapedForMessage)' is not a finite number"
        }
    }
}
