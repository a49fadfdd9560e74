// Feature standardization (z-scores) and the conversion of weights between scaled and data units.

/// Per-feature shift and scale: z = (x − shift) · (1/scale). With an intercept the shift is the mean and the
/// scale the standard deviation; without one, centring would change the model, so only the root mean
/// square is divided out. A constant column keeps scale 1.
public struct FeatureScaling: Sendable, Equatable {
    public let shifts: [Double]
    public let scales: [Double]
    /// 1/scale, computed once: scaled values are (x − shift)·inverseScale, here and in the C passes alike.
    public let inverseScales: [Double]

    /// The identity scaling for d features.
    public static func identity(_ d: Int) -> FeatureScaling {
        FeatureScaling(shifts: .init(repeating: 0, count: d), scales: .init(repeating: 1, count: d))
    }

    public init(shifts: [Double], scales: [Double]) {
        self.shifts = shifts
        self.scales = scales
        inverseScales = scales.map { 1 / $0 }
    }

    /// The z-score scaling of a data set's features.
    public init(standardizing data: Dataset, centred: Bool) {
        let n = data.rowCount, d = data.featureCount
        var shifts = [Double](repeating: 0, count: d), scales = [Double](repeating: 0, count: d)
        data.x.withUnsafeBufferPointer { x in
            if centred {
                for i in 0..<n { for j in 0..<d { shifts[j] += x[i * d + j] } }
                for j in 0..<d { shifts[j] /= Double(n) }
            }
            for i in 0..<n {
                for j in 0..<d {
                    let centredValue = x[i * d + j] - shifts[j]
                    scales[j] += centredValue * centredValue
                }
            }
        }
        for j in 0..<d {
            let scale = (scales[j] / Double(n)).squareRoot()
            scales[j] = scale > 0 && scale.isFinite ? scale : 1
        }
        self.init(shifts: shifts, scales: scales)
    }

    /// Feature `column`'s value in scaled units: the subtraction and the multiplication each rounded, exactly
    /// as the C passes compute it.
    @inline(__always)
    public func scaled(_ value: Double, column: Int) -> Double {
        (value - shifts[column]) * inverseScales[column]
    }

    /// The features of `data` in scaled units, row-major (a copy; the training passes scale on the fly instead).
    public func apply(to data: Dataset) -> [Double] {
        // The identity shares the data's storage: no copy of a large X.
        if shifts.allSatisfy({ $0 == 0 }) && scales.allSatisfy({ $0 == 1 }) { return data.x }
        let d = data.featureCount
        return data.x.withUnsafeBufferPointer { raw in
            HugePageArray.filled(count: raw.count) { x in
                for k in x.indices { x[k] = scaled(raw[k], column: k % d) }
            }
        }
    }

    /// Weights and intercept found on scaled features, expressed in data units.
    public func toDataUnits(weights: [Double], intercept: Double) -> (weights: [Double], intercept: Double) {
        var b = intercept
        var w = weights
        for j in w.indices {
            w[j] = weights[j] / scales[j]
            b -= w[j] * shifts[j]
        }
        return (w, b)
    }

    /// Weights and intercept in data units, expressed for scaled features.
    public func toScaledUnits(weights: [Double], intercept: Double) -> (weights: [Double], intercept: Double) {
        var b = intercept
        var w = weights
        for j in w.indices {
            w[j] = weights[j] * scales[j]
            b += weights[j] * shifts[j]
        }
        return (w, b)
    }
}
