// The one-line errors a user gets for bad data or bad data options (a CSV reader's error wrapped).
import CSVReader
import MessageText

/// Why data could not be loaded. `description` is the single line shown to the user: it names the place
/// (file:line:column, or the option) and what is wrong.
public enum DataError: Error, Equatable, CustomStringConvertible {
    /// A place in an input file (the CSV reader's).
    public typealias Position = CSVPosition

    /// The CSV file could not be read (its own message, with file:line:column).
    case csv(CSVError)
    /// A built-in data set that does not exist.
    case missingBuiltin(name: String)
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
        case .csv(let error): return error.description
        case .missingBuiltin(let name): return "built-in \(name.escapedForMessage).csv: no such file"
        case .unknownColumn(let at, let option, let name, let available):
            let columns = available.map(\.escapedForMessage).joined(separator: ", ")
            return "\(at): \(option) '\(name.escapedForMessage)' names no column (columns: \(columns))"
        case .noFeatures(let at): return "\(at): no numeric feature columns to train on"
        case .tooLarge(let at, let reason): return "\(at): \(reason)"
        case .tooSmall(let at, let column, let largest):
            return "\(at): column '\(column)' holds only values within ±\(largest), too close to zero to "
                + "compute with (below 1e-300); multiply it by a power of ten"
        case .invalidOption(let option, let reason): return "\(option): \(reason)"
        }
    }
}
