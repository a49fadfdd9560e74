// The knobs of the built-in data sets: size, noise and conditioning of the generated ones, Anscombe's part.

/// Size and difficulty of a generated data set.
public struct SyntheticParameters: Sendable, Equatable, Codable {
    /// Rows; nil: 100 for `line`, 1000 for `synthetic`.
    public var rows: Int?
    /// Feature count for `synthetic` (`line` always has one).
    public var features: Int
    /// Standard deviation of the Gaussian noise added to y.
    public var noise: Double
    /// Condition number of the synthetic feature matrix (1: uncorrelated features).
    public var conditionNumber: Double
    /// Which of Anscombe's four sets (1…4) for `anscombe`; nil: 1 (and nil for every other data set).
    public var part: Int?

    public init(rows: Int? = nil, features: Int = 5, noise: Double = 1, conditionNumber: Double = 1, part: Int? = nil) {
        self.rows = rows
        self.features = features
        self.noise = noise
        self.conditionNumber = conditionNumber
        self.part = part
    }
}
