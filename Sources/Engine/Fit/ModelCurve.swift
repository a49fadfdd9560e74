// The model as a function of its one input, sampled densely for drawing and export: a line, or a polynomial.

/// Samples of ŷ(x) = b + w₁x + w₂x² + … + w_D·x^D across an x range: the weights of a one-feature model, in
/// data units, taken as the coefficients of the powers of x (one weight: a straight line).
public struct ModelCurve: Sendable, Equatable {
    public var xs: [Double]
    public var ys: [Double]

    public init(xs: [Double], ys: [Double]) {
        self.xs = xs
        self.ys = ys
    }

    /// `count` evenly spaced samples from `low` to `high` (both included; a single sample at `low` when
    /// `count` is 1 or the range is empty). Evaluated by Horner's rule, so a degree-9 curve costs 9
    /// multiply-adds a sample.
    public init(weights: [Double], intercept: Double?, from low: Double, to high: Double, count: Int) {
        let n = low < high ? max(1, count) : 1
        var xs: [Double] = []
        var ys: [Double] = []
        xs.reserveCapacity(n)
        ys.reserveCapacity(n)
        for k in 0..<n {
            let x = n == 1 ? low : low + (high - low) * Double(k) / Double(n - 1)
            xs.append(x)
            ys.append(Self.value(at: x, weights: weights, intercept: intercept))
        }
        self.init(xs: xs, ys: ys)
    }

    /// ŷ at `x`: b + Σₚ wₚ·x^(p+1), p counted from 0.
    public static func value(at x: Double, weights: [Double], intercept: Double?) -> Double {
        var sum = 0.0
        for w in weights.reversed() { sum = (sum + w) * x }
        return sum + (intercept ?? 0)
    }
}
