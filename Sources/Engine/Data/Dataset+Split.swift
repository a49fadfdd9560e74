// Selecting rows of a data set, and the seeded train/test split.

extension Dataset {
    /// The rows at `indices`, in that order.
    public func rows(_ indices: [Int]) -> Dataset {
        let d = featureCount
        var newX = [Double]()
        newX.reserveCapacity(indices.count * d)
        for i in indices { newX.append(contentsOf: x[i * d ..< (i + 1) * d]) }
        let base = polynomialBase.map { base -> PolynomialBase in
            let k = base.names.count
            var values = [Double]()
            values.reserveCapacity(indices.count * k)
            for i in indices { values.append(contentsOf: base.values[i * k ..< (i + 1) * k]) }
            return PolynomialBase(values: values, names: base.names, degree: base.degree)
        }
        return Dataset(
            name: name, featureNames: featureNames, targetName: targetName, x: newX, y: indices.map { y[$0] },
            polynomialBase: base)
    }

    /// A seeded random split: round(n·fraction) rows held out for testing; each part keeps the file order.
    /// - Throws: `DataError.invalidOption` when the split would leave fewer than 2 training rows or no test row.
    public func split(testFraction: Double, seed: UInt64) throws -> (train: Dataset, test: Dataset?) {
        guard testFraction > 0 else { return (self, nil) }
        guard testFraction < 1 else {
            throw DataError.invalidOption(option: "--test-fraction", reason: "must be at least 0 and below 1, got \(testFraction)")
        }
        let n = rowCount
        let testCount = Int((Double(n) * testFraction).rounded())
        guard testCount >= 1, n - testCount >= 2 else {
            throw DataError.invalidOption(
                option: "--test-fraction",
                reason: "\(testFraction) of \(n) rows leaves \(n - testCount) training and \(testCount) test rows; need at least 2 and 1")
        }
        var order = Array(0..<n)
        var random = SeededGenerator(seed: seed ^ 0x5EED_7E57_5EED_7E57)
        random.shuffle(&order)
        return (rows(order[testCount...].sorted()), rows(order[..<testCount].sorted()))
    }
}
