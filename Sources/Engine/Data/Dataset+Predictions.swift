// A model's predictions for every row of a data set: ŷ = Xw + b.

extension Dataset {
    /// Predictions ŷ = Xw + b for every row (empty when the weights do not match the features).
    public func predictions(weights: [Double], intercept: Double?) -> [Double] {
        let d = featureCount
        guard weights.count == d else { return [] }
        let b = intercept ?? 0
        let n = rowCount
        return x.withUnsafeBufferPointer { x in
            weights.withUnsafeBufferPointer { w in
                // Written once each, so the array is never filled with a placeholder first.
                [Double](unsafeUninitializedCapacity: n) { out, count in
                    for i in 0..<n {
                        var sum = b
                        let row = i &* d
                        for j in 0..<d { sum += x[row &+ j] * w[j] }
                        out.initializeElement(at: i, to: sum)
                    }
                    count = n
                }
            }
        }
    }
}
