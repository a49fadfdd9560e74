// A linear least-squares problem as the solver receives it.

/// The columns of a design matrix: given as numbers, or as powers that the solver forms itself in extended
/// precision (rounding xᵏ to a Double first costs digits on problems like NIST's Filip).
public enum DesignColumns: Sendable {
    /// Row-major n × d values.
    case matrix([Double])
    /// Base features (row-major n × k) expanded to x₁, x₁², …, x₁ᴰ, x₂, …, x₂ᴰ, …: d = k·D columns, in that order.
    case polynomial(base: [Double], baseCount: Int, degree: Int)
}

/// minimise ‖A·w + b − y‖² + α‖w‖² over w (and b when an intercept is fitted; b is never penalised).
public struct LeastSquaresProblem: Sendable {
    public var rowCount: Int
    public var columns: DesignColumns
    public var target: [Double]
    public var fitIntercept: Bool
    /// Ridge penalty α (0: ordinary least squares).
    public var l2: Double
    /// Column names for warnings (e.g. which columns are collinear); defaults to x1, x2, ….
    public var columnNames: [String]?

    public init(
        rowCount: Int, columns: DesignColumns, target: [Double], fitIntercept: Bool = true, l2: Double = 0,
        columnNames: [String]? = nil
    ) {
        self.rowCount = rowCount
        self.columns = columns
        self.target = target
        self.fitIntercept = fitIntercept
        self.l2 = l2
        self.columnNames = columnNames
    }

    /// Number of design columns d (not counting the intercept).
    public var columnCount: Int {
        switch columns {
        case .matrix(let values): return rowCount == 0 ? 0 : values.count / rowCount
        case .polynomial(_, let baseCount, let degree): return baseCount * degree
        }
    }
}
