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
            if !(shifts[j].isFinite && scale.isFinite) || (scale > 0 && scale < Self.smallestPlainScale) {
                // Values near the ends of the range (1e308, subnormals) overflow or underflow the plain sums:
                // the same statistics of the column divided by its largest magnitude, then scaled back.
                (shifts[j], scales[j]) = Self.rescaledStatistics(data, column: j, centred: centred)
            } else {
                scales[j] = scale
            }
            if !(scales[j] > 0 && scales[j].isFinite && (1 / scales[j]).isFinite) { scales[j] = 1 }
        }
        self.init(shifts: shifts, scales: scales)
    }

    /// Below this a plain standard deviation may have lost bits to underflow (squares of values under 1e-154).
    static let smallestPlainScale = 1e-150

    /// Mean and standard deviation of one column computed on x / max|x|, so neither the sum nor the squares
    /// overflow or underflow; the result is scaled back (exact: a power of two would be, this is within an ulp).
    static func rescaledStatistics(_ data: Dataset, column j: Int, centred: Bool) -> (shift: Double, scale: Double) {
        let n = data.rowCount, d = data.featureCount
        var largest = 0.0
        for i in 0..<n { largest = max(largest, abs(data.x[i * d + j])) }
        guard largest > 0, largest.isFinite else { return (0, 1) }
        // A power of two, so dividing by it is exact.
        let unit = Double(sign: .plus, exponent: largest.exponent, significand: 1)
        var mean = 0.0
        if centred {
            for i in 0..<n { mean += data.x[i * d + j] / unit }
            mean /= Double(n)
        }
        var squares = 0.0
        for i in 0..<n {
            let centredValue = data.x[i * d + j] / unit - mean
            squares += centredValue * centredValue
        }
        return (mean * unit, (squares / Double(n)).squareRoot() * unit)
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
