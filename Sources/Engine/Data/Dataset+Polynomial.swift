// Polynomial feature expansion: each feature becomes its powers 1…D.

extension Dataset {
    /// Each feature x expanded to x, x^2, …, x^degree, powers grouped per feature (the NIST order).
    public func polynomial(degree: Int) -> Dataset {
        guard degree > 1 else { return self }
        let n = rowCount, k = featureCount, d = k * degree
        var expanded = HugePageArray.zeros(count: n * d)
        for i in 0..<n {
            for j in 0..<k {
                let base = x[i * k + j]
                var power = 1.0
                for p in 0..<degree {
                    power *= base
                    expanded[i * d + j * degree + p] = power
                }
            }
        }
        let names = featureNames.flatMap { name in (1...degree).map { $0 == 1 ? name : "\(name)^\($0)" } }
        return Dataset(
            name: self.name, featureNames: names, targetName: targetName, x: expanded, y: y,
            polynomialBase: PolynomialBase(values: x, names: featureNames, degree: degree))
    }
}
