// One column of a parsed CSV file: a summary of which of its cells are numbers.

/// Counts that say whether a column is numeric, and the first row whose cell is not a finite number (its
/// values are in the table; NaN marks such a cell).
public struct CSVColumn: Sendable {
    /// Cells that are numbers, finite or not.
    public var numberCount = 0
    /// Cells that are neither numbers nor missing-value markers.
    public var textCount = 0
    /// The first data row (0-based) whose cell is not a finite number.
    public var firstProblemRow: Int?

    public init() {}
}
