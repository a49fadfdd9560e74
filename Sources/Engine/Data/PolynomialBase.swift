// The base features that a polynomial data set's columns are powers of.

/// Row-major base features x₁…x_k; the data set's columns are x₁, x₁², …, x₁ᴰ, x₂, …, x_kᴰ.
public struct PolynomialBase: Sendable, Equatable {
    public var values: [Double]
    public var names: [String]
    public var degree: Int

    public init(values: [Double], names: [String], degree: Int) {
        self.values = values
        self.names = names
        self.degree = degree
    }
}
