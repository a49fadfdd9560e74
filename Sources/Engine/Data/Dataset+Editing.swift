// Applying a DataEdit to a one-input data set: the rows change, a --poly data set's powers are formed again.

extension Dataset {
    /// The fewest training rows a fit of `featureCount` weights needs: one per parameter, and at least two.
    public func minimumRows(fitIntercept: Bool) -> Int {
        max(2, featureCount + (fitIntercept ? 1 : 0))
    }

    /// Why points cannot be edited on this data at all (nil: they can).
    public var editingRefusal: DataEditRefusal? {
        guard fitInput != nil else {
            let inputs = polynomialBase?.names.count ?? featureCount
            return DataEditRefusal("point editing needs one input feature (\(name) has \(inputs))")
        }
        guard rowCount <= DataEdit.maximumRows else {
            return DataEditRefusal(
                "point editing is off above \(DataEdit.maximumRows) rows (\(name) has \(rowCount))")
        }
        return nil
    }

    /// The training row nearest (x, y), distances in units of `xUnit` and `yUnit`; nil without rows.
    public func nearestRow(x: Double, y: Double, xUnit: Double, yUnit: Double) -> Int? {
        guard let input = fitInput, !input.isEmpty else { return nil }
        let sx = xUnit > 0 && xUnit.isFinite ? xUnit : 1, sy = yUnit > 0 && yUnit.isFinite ? yUnit : 1
        var best: Int?, bestDistance = Double.infinity
        for i in input.indices {
            let dx = (input[i] - x) / sx, dy = (self.y[i] - y) / sy
            let distance = dx * dx + dy * dy
            if distance < bestDistance || best == nil {
                best = i
                bestDistance = distance
            }
        }
        return best
    }

    /// Where `addOutlier` puts its point: at the largest input, one whole target range beyond the targets on the
    /// side against the trend (below the points when y rises with x, above when it falls), so it pulls the line
    /// visibly and stays on the chart (whose range grows to take it in).
    public var outlierPoint: (x: Double, y: Double)? {
        guard let input = fitInput, !input.isEmpty else { return nil }
        let n = Double(input.count)
        var meanX = 0.0, meanY = 0.0
        for i in input.indices {
            meanX += input[i]
            meanY += y[i]
        }
        meanX /= n
        meanY /= n
        var covariance = 0.0, highX = -Double.infinity, lowY = Double.infinity, highY = -Double.infinity
        for i in input.indices {
            covariance += (input[i] - meanX) * (y[i] - meanY)
            highX = Swift.max(highX, input[i])
            lowY = Swift.min(lowY, y[i])
            highY = Swift.max(highY, y[i])
        }
        let range = highY > lowY ? highY - lowY : Swift.max(1, abs(highY))
        let point = (x: highX, y: covariance >= 0 ? lowY - range : highY + range)
        return point.x.isFinite && point.y.isFinite ? point : nil
    }

    /// This data with `edit` applied (`original` is the data as loaded, for `undoAll`), or why not.
    public func applying(_ edit: DataEdit, original: Dataset, fitIntercept: Bool) -> Result<Dataset, DataEditRefusal> {
        if case .undoAll = edit { return .success(original) }
        if let refusal = editingRefusal { return .failure(refusal) }
        guard var input = fitInput else { return .failure(DataEditRefusal("no input to edit")) }
        var targets = y
        func finite(_ x: Double, _ y: Double) -> DataEditRefusal? {
            x.isFinite && y.isFinite ? nil : DataEditRefusal("a point needs finite coordinates")
        }
        func removal(_ row: Int) -> DataEditRefusal? {
            guard input.indices.contains(row) else { return DataEditRefusal("no training point \(row + 1) to remove") }
            let needed = minimumRows(fitIntercept: fitIntercept)
            return rowCount - 1 < needed
                ? DataEditRefusal("a fit needs at least \(needed) points: not removing one of \(rowCount)")
                : nil
        }
        switch edit {
        case .add(let x, let y):
            if let refusal = finite(x, y) { return .failure(refusal) }
            guard rowCount < DataEdit.maximumRows else {
                return .failure(DataEditRefusal("point editing stops at \(DataEdit.maximumRows) rows: not adding more"))
            }
            input.append(x)
            targets.append(y)
        case .addOutlier:
            guard rowCount < DataEdit.maximumRows else {
                return .failure(DataEditRefusal("point editing stops at \(DataEdit.maximumRows) rows: not adding more"))
            }
            guard let point = outlierPoint else { return .failure(DataEditRefusal("no place for an outlier on this data")) }
            input.append(point.x)
            targets.append(point.y)
        case .move(let row, let x, let y):
            if let refusal = finite(x, y) { return .failure(refusal) }
            guard input.indices.contains(row) else { return .failure(DataEditRefusal("no training point \(row + 1) to move")) }
            input[row] = x
            targets[row] = y
        case .remove(let row):
            if let refusal = removal(row) { return .failure(refusal) }
            input.remove(at: row)
            targets.remove(at: row)
        case .removeNearest(let x, let y, let xUnit, let yUnit):
            guard let row = nearestRow(x: x, y: y, xUnit: xUnit, yUnit: yUnit) else {
                return .failure(DataEditRefusal("no training point to remove"))
            }
            if let refusal = removal(row) { return .failure(refusal) }
            input.remove(at: row)
            targets.remove(at: row)
        case .undoAll:
            return .success(original)
        }
        return .success(withInput(input, targets: targets))
    }

    /// The same data set (name, names, degree) on new input values and targets.
    func withInput(_ input: [Double], targets: [Double]) -> Dataset {
        if let base = polynomialBase {
            return Dataset(name: name, featureNames: base.names, targetName: targetName, x: input, y: targets)
                .polynomial(degree: base.degree)
        }
        return Dataset(name: name, featureNames: featureNames, targetName: targetName, x: input, y: targets, polynomialBase: nil)
    }
}
