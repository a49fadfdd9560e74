// The one-line errors a user gets for bad data or bad data options.

/// Why data could not be loaded. `description` is the single line shown to the user: it names the place
/// (file:line:column, or the option) and what is wrong.
public enum DataError: Error, Equatable, CustomStringConvertible {
    /// A place in an input file; line and column are 1-based, column counts characters.
    public struct Position: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var column: Int?

        public init(file: String, line: Int? = nil, column: Int? = nil) {
            self.file = file
            self.line = line
            self.column = column
        }

        public var description: String {
            var text = file
            if let line { text += ":\(line)" }
            if let line = line, line > 0, let column { text += ":\(column)" }
            return text
        }
    }

    case missingFile(Position)
    case unreadableFile(Position, reason: String)
    case emptyFile(Position)
    case headerOnly(Position)
    case tooFewRows(Position, rows: Int)
    case raggedRow(Position, fields: Int, expected: Int)
    case duplicateColumn(Position, name: String)
    case unterminatedQuote(Position)
    case missingValue(Position, column: String, text: String)
    case notANumber(Position, column: String, text: String)
    case notFinite(Position, column: String, text: String)
    case unknownColumn(Position, option: String, name: String, available: [String])
    case noFeatures(Position)
    /// The data would not fit in memory (`MemoryBudget`).
    case tooLarge(Position, reason: String)
    /// A column whose every value is so close to zero (subnormal) that it cannot be scaled or solved with.
    case tooSmall(Position, column: String, largest: Double)
    /// An option value that makes no sense for the data (e.g. a test fraction leaving no training rows).
    case invalidOption(option: String, reason: String)

    public var description: String {
        switch self {
        case .missingFile(let at): return "\(at): no such file"
        case .unreadableFile(let at, let reason): return "\(at): cannot read the file: \(reason)"
        case .emptyFile(let at): return "\(at): the file is empty; expected a header row and at least 2 data rows"
        case .headerOnly(let at): return "\(at): only a header row; expected at least 2 data rows"
        case .tooFewRows(let at, let rows):
            return "\(at): only \(rows) data row\(rows == 1 ? "" : "s"); need at least 2"
        case .raggedRow(let at, let fields, let expected):
            return "\(at): this row has \(fields) field\(fields == 1 ? "" : "s") but the header has \(expected)"
        case .duplicateColumn(let at, let name): return "\(at): duplicate column name '\(name)'"
        case .unterminatedQuote(let at): return "\(at): a quoted field is never closed"
        case .missingValue(let at, let column, let text):
            let shown = text.isEmpty ? "an empty value" : "the missing value '\(text)'"
            return "\(at): \(shown) in column '\(column)'; remove the row or fill it in"
        case .notANumber(let at, let column, let text):
            return "\(at): '\(text)' in column '\(column)' is not a number"
        case .notFinite(let at, let column, let text):
            return "\(at): '\(text)' in column '\(column)' is not a finite number"
        case .unknownColumn(let at, let option, let name, let available):
            return "\(at): \(option) '\(name)' names no column (columns: \(available.joined(separator: ", ")))"
        case .noFeatures(let at): return "\(at): no numeric feature columns to train on"
        case .tooLarge(let at, let reason): return "\(at): \(reason)"
        case .tooSmall(let at, let column, let largest):
            return "\(at): column '\(column)' holds only values within ±\(largest), too close to zero to "
                + "compute with (below 1e-300); multiply it by a power of ten"
        case .invalidOption(let option, let reason): return "\(option): \(reason)"
        }
    }
}
