// The component-plus-residual view of one feature of a multi-feature model, and the residuals r = y − ŷ.

/// For feature j: the points (xⱼ, r + wⱼ·xⱼ), where r = y − ŷ. The other features' effect is taken out, so the
/// cloud shows y against xⱼ alone, and a line of slope wⱼ through its centroid is the model's part for xⱼ.
public struct PartialResiduals: Sendable, Equatable {
    public var xs: [Double]
    public var ys: [Double]
    /// The centroid of the finite points, through which the slope lines are drawn (0, 0 with none).
    public var centroid: (x: Double, y: Double)

    public static func == (a: PartialResiduals, b: PartialResiduals) -> Bool {
        a.xs == b.xs && a.ys == b.ys && a.centroid == b.centroid
    }

    /// - Parameters:
    ///   - predicted: ŷ for every row of `data` under the model whose weight for `feature` is `weight`.
    public init(data: Dataset, predicted: [Double], feature: Int, weight: Double) {
        let n = min(data.rowCount, predicted.count), d = data.featureCount
        guard feature >= 0, feature < d else {
            xs = []
            ys = []
            centroid = (0, 0)
            return
        }
        var xs = [Double](repeating: 0, count: n), ys = [Double](repeating: 0, count: n)
        var sumX = 0.0, sumY = 0.0, finite = 0
        data.x.withUnsafeBufferPointer { x in
            data.y.withUnsafeBufferPointer { y in
                for i in 0..<n {
                    let xj = x[i * d + feature]
                    let value = y[i] - predicted[i] + weight * xj
                    xs[i] = xj
                    ys[i] = value
                    if xj.isFinite, value.isFinite {
                        sumX += xj
                        sumY += value
                        finite += 1
                    }
                }
            }
        }
        self.xs = xs
        self.ys = ys
        centroid = finite == 0 ? (0, 0) : (sumX / Double(finite), sumY / Double(finite))
    }

    /// The line of slope `slope` through the centroid, as its two ends at `low` and `high`.
    public func line(slope: Double, from low: Double, to high: Double) -> ModelCurve {
        ModelCurve(
            xs: [low, high],
            ys: [centroid.y + slope * (low - centroid.x), centroid.y + slope * (high - centroid.x)])
    }

    /// r = y − ŷ per row.
    public static func residuals(actual: [Double], predicted: [Double]) -> [Double] {
        zip(actual, predicted).map { $0 - $1 }
    }
}
