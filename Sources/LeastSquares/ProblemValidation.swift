// Checks a problem before solving: sizes agree, values are finite; one-line messages naming the place.

extension LeastSquaresProblem {
    /// Throws `LeastSquaresError.invalidProblem` with a message naming the offending row, column or field.
    /// `values: false` checks only sizes and settings, for a caller that detects non-finite data another way.
    func validate(values: Bool = true) throws {
        func fail(_ message: String) -> LeastSquaresError { .invalidProblem(message) }
        let checkValues = values
        guard rowCount >= 1 else { throw fail("the problem has no rows") }
        guard target.count == rowCount else {
            throw fail("target has \(target.count) values but the design has \(rowCount) rows")
        }
        let d: Int
        switch columns {
        case .matrix(let values):
            guard values.count % rowCount == 0 else {
                throw fail("design has \(values.count) values, not a multiple of \(rowCount) rows")
            }
            d = values.count / rowCount
            if checkValues, let bad = values.firstIndex(where: { !$0.isFinite }) {
                throw fail("design value at row \(bad / max(1, d) + 1), column \(name(of: bad % max(1, d))) is not finite")
            }
        case .polynomial(let base, let baseCount, let degree):
            guard baseCount >= 1, degree >= 1 else { throw fail("polynomial needs at least one feature and degree ≥ 1") }
            guard base.count == rowCount * baseCount else {
                throw fail("polynomial base has \(base.count) values, expected \(rowCount) × \(baseCount)")
            }
            d = baseCount * degree
            if checkValues, let bad = base.firstIndex(where: { !$0.isFinite }) {
                throw fail("feature value at row \(bad / baseCount + 1), feature \(bad % baseCount + 1) is not finite")
            }
        }
        guard d >= 1 else { throw fail("the design has no columns") }
        if checkValues, let bad = target.firstIndex(where: { !$0.isFinite }) {
            throw fail("target value at row \(bad + 1) is not finite")
        }
        guard l2.isFinite, l2 >= 0 else { throw fail("ridge penalty l2 must be a finite number ≥ 0, got \(l2)") }
        if let names = columnNames, names.count != d {
            throw fail("\(names.count) column names given for \(d) columns")
        }
    }

    /// Name of design column j for messages.
    func name(of j: Int) -> String {
        if let names = columnNames, j < names.count { return names[j] }
        return "x\(j + 1)"
    }
}
