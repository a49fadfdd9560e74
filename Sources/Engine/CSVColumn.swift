// One column of a parsed CSV file: its numbers, and a summary of the cells that are not numbers.

/// The cells of one column read as numbers (NaN where a cell is not a finite number), with counts that say
/// whether the column is numeric and the first row whose cell is not a finite number.
public struct CSVColumn: Sendable {
    /// One value per data row; NaN marks a cell that is missing, not finite, or not a number.
    public var values: [Double] = []
    /// Cells that are numbers, finite or not.
    public var numberCount = 0
    /// Cells that are neither numbers nor missing-value markers.
    public var textCount = 0
    /// The first data row (0-based) whose cell is not a finite number.
    public var firstProblemRow: Int?

    public init() {}
}
