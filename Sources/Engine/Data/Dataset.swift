// A regression data set held in memory: a row-major feature matrix and a target.

/// n rows of d features and a target, in the data's own units. Immutable and shared across threads.
public struct Dataset: Sendable {
    /// Where it came from, for titles and messages (`line`, `diabetes`, `data.csv`, …).
    public var name: String
    public var featureNames: [String]
    public var targetName: String
    /// Row-major: row i is `x[i*d ..< (i+1)*d]`.
    public var x: [Double]
    public var y: [Double]
    /// Set when the features are powers of base features (`--poly`), so the closed-form solver can form
    /// the powers itself in extended precision.
    public var polynomialBase: PolynomialBase?

    public var rowCount: Int { y.count }
    public var featureCount: Int { featureNames.count }

    public init(
        name: String, featureNames: [String], targetName: String, x: [Double], y: [Double],
        polynomialBase: PolynomialBase? = nil
    ) {
        precondition(x.count == y.count * featureNames.count, "x must hold rows × features values")
        self.name = name
        self.featureNames = featureNames
        self.targetName = targetName
        self.x = x
        self.y = y
        self.polynomialBase = polynomialBase
    }
}
