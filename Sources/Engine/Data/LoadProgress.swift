// How far loading the data has got, for the screen that waits on it: a CSV's bytes and rows so far, then the setup.
import CSVReader
import Locking

/// Read by the UI thread while `DataSpecification.load(progress:)` and the session's setup run on another.
public final class LoadProgress: Sendable {
    /// What the load is doing: reading the rows, or preparing the session once they are in.
    public enum Stage: Sendable, Equatable {
        case reading, preparing
    }

    /// The CSV reader's counters (untouched for built-in and synthetic data).
    let csv = CSVReadProgress()
    private let state = Locked((stage: Stage.reading, made: 0, loadedRows: 0))

    public init() {}

    /// Bytes of the file read, its size (0 when not a file), and rows parsed so far.
    public var current: (bytesRead: Int, totalBytes: Int, rows: Int) { csv.current }

    /// Generated data: rows made so far (of the rows asked for).
    public var rowsMade: Int { state.withLock { $0.made } }

    public var stage: Stage { state.withLock { $0.stage } }

    /// Rows of the data once loaded (0 before).
    public var rows: Int { state.withLock { $0.loadedRows } }

    /// The rows are in; what remains is the session's setup (scaling, the stable rate).
    public func beginPreparing(rows: Int) {
        state.withLock {
            $0.stage = .preparing
            $0.loadedRows = rows
        }
    }

    /// Generated data has `rows` rows made.
    func make(rows: Int) { state.withLock { $0.made = rows } }
}
