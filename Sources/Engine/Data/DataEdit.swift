// One change to the training points a class makes while it trains (add, move, remove, an outlier, undo).

/// An edit of a one-input data set's training rows, in data units (x is the input, y the target). Sent as
/// `SessionCommand.editData`, applied between two steps, recorded and replayed like every other command.
public enum DataEdit: Sendable, Equatable, Codable {
    /// A new training point at (x, y).
    case add(x: Double, y: Double)
    /// Training row `row` moved to (x, y).
    case move(row: Int, x: Double, y: Double)
    /// Training row `row` removed.
    case remove(row: Int)
    /// The training point nearest (x, y) removed, distances measured in units of `xUnit` and `yUnit` (a chart
    /// cell's size in data units, so "nearest" is what the eye sees).
    case removeNearest(x: Double, y: Double, xUnit: Double, yUnit: Double)
    /// One point far from the trend at the right end of the input's range (`Dataset.outlierPoint`).
    case addOutlier
    /// Every edit undone: the training rows as loaded.
    case undoAll

    /// Editing is for data a class can see: above this many training rows it is off.
    public static let maximumRows = 10_000
}

/// Why an edit was not applied, in one line for the screen.
public struct DataEditRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
