// The loss as a function of two parameters, the others held fixed: what the landscape view draws.

/// The objective GD minimises, J = k·MSE + α‖w‖² (k from the loss scaling: 1 for MSE), over the parameters in the units
/// GD runs on (z-scores when standardized). It is a quadratic form, so after one O(n·d²) pass it is
/// evaluated without touching the rows again: relative to a reference point θ₀ (the closed-form optimum
/// when it can be solved), f(θ₀ + δ) = f(θ₀) + 2·qᵀδ + δᵀHδ with q the half-gradient at θ₀ and
/// H = AᵀA/n + (α/k)·I_w, all times k. Expanding around the optimum keeps the values accurate where they matter (no
/// cancellation between large terms near the minimum). A grid costs O(d²) per frame plus O(1) per point.
///
/// Parameter vectors are w (d entries) followed by b; index d is the intercept and exists only with one.
public struct LossLandscape: Sendable {
    /// Most parameters (features plus intercept) a landscape is built for: the Gram matrix is (d+1)².
    public static let maximumParameters = 257

    public let standardized: Bool
    public let fitIntercept: Bool
    public let l2: Double
    public let loss: LossScaling
    /// α₁ of an L1 penalty: the landscape adds α₁‖w‖₁ (its diamond's corners show on the contours).
    public let l1: Double
    /// k in J = k·MSE + α‖w‖²: the values are k times those of MSE + (α/k)‖w‖².
    private let valueScale: Double
    /// Feature names, then "b".
    public let parameterNames: [String]
    /// The closed-form optimum in the units GD runs on; nil if it could not be solved.
    public let optimum: [Double]?
    let scaling: FeatureScaling
    /// H, (d+1)² row-major (the intercept row and column are zero without an intercept).
    private let hessian: [Double]
    private let reference: [Double]
    private let referenceLoss: Double
    private let referenceSlope: [Double]
    private let size: Int

    /// Builds the landscape of `train` as GD sees it with the given standardization and L2 penalty; nil when
    /// there are more than `maximumParameters` parameters.
    public init?(train: Dataset, fitIntercept: Bool, standardized: Bool, l2 penalty: Double = 0, loss: LossScaling = .mse, l1: Double = 0) {
        let d = train.featureCount, m = d + 1
        guard d + (fitIntercept ? 1 : 0) <= LossLandscape.maximumParameters, train.rowCount > 0 else { return nil }
        self.standardized = standardized
        self.fitIntercept = fitIntercept
        self.l2 = penalty
        self.loss = loss
        self.l1 = l1
        valueScale = loss.multipleOfMSE(rows: train.rowCount)
        let l2 = loss == .mse ? penalty : penalty / valueScale
        parameterNames = train.featureNames + ["b"]
        size = m
        scaling = standardized ? FeatureScaling(standardizing: train, centred: fitIntercept) : .identity(d)
        let design = DesignMatrix(x: train.x, y: train.y, columnCount: d, scaling: scaling)
        let n = Double(train.rowCount)

        let gram = design.gram(withOnes: fitIntercept)
        let g = d + (fitIntercept ? 1 : 0)
        var h = [Double](repeating: 0, count: m * m)
        for j in 0..<g { for k in 0..<g { h[j * m + k] = gram[j * g + k] / n } }
        for j in 0..<d { h[j * m + j] += l2 }
        hessian = h

        let solved = try? ClosedFormComparison.solve(
            train: train, test: nil, fitIntercept: fitIntercept, l2: l2, standardized: standardized)
        let scaling = self.scaling
        optimum = solved.map { solution in
            let scaled = scaling.toScaledUnits(weights: solution.weights, intercept: solution.intercept ?? 0)
            return scaled.weights + [fitIntercept ? scaled.intercept : 0]
        }
        let start = optimum.flatMap { $0.allSatisfy(\.isFinite) ? $0 : nil } ?? [Double](repeating: 0, count: m)
        var sums = [Double](repeating: 0, count: m)
        let sse = design.residualPass(parameters: start, intercept: start[d], gradient: &sums)
        var slope = sums.map { $0 / n }
        var penalty = 0.0
        for j in 0..<d {
            slope[j] += l2 * start[j]
            penalty += l2 * start[j] * start[j]
        }
        if !fitIntercept { slope[d] = 0 }
        reference = start
        referenceLoss = sse / n + penalty
        referenceSlope = slope
    }

    /// A model in data units expressed as GD's parameters (w then b).
    public func parameters(weights: [Double], intercept: Double?) -> [Double] {
        let scaled = scaling.toScaledUnits(weights: weights, intercept: intercept ?? 0)
        return scaled.weights + [fitIntercept ? scaled.intercept : 0]
    }

    /// GD's parameters (w then b) as a model in data units: each feature's weight, then the intercept (0 without
    /// one), as `SessionCommand.startFrom` takes them.
    public func dataUnitWeights(parameters theta: [Double]) -> [Double] {
        let d = size - 1
        let model = scaling.toDataUnits(weights: Array(theta[0..<d]), intercept: fitIntercept ? theta[d] : 0)
        return model.weights + [fitIntercept ? model.intercept : 0]
    }

    /// Where a trajectory point lies on the chosen pair of axes, in GD's units.
    public func coordinates(of point: ParameterTrajectory.Point, axes: (Int, Int)) -> (x: Double, y: Double) {
        let p = parameters(weights: point.weights, intercept: point.intercept)
        return (p[axes.0], p[axes.1])
    }

    /// The objective at GD's parameters `theta` (w then b).
    public func loss(at theta: [Double]) -> Double {
        let m = size
        var delta = [Double](repeating: 0, count: m)
        for j in 0..<m { delta[j] = theta[j] - reference[j] }
        if !fitIntercept { delta[m - 1] = 0 }
        var linear = 0.0, quadratic = 0.0
        for j in 0..<m where delta[j] != 0 {
            linear += referenceSlope[j] * delta[j]
            var row = 0.0
            for k in 0..<m { row += hessian[j * m + k] * delta[k] }
            quadratic += delta[j] * row
        }
        var absolute = 0.0
        if l1 != 0 { for j in 0..<(m - 1) { absolute += abs(theta[j]) } }
        return valueScale * max(0, referenceLoss + 2 * linear + quadratic) + l1 * absolute
    }

    /// Whether `axes` names two different parameters this model has.
    public func isValid(axes: (Int, Int)) -> Bool {
        let last = fitIntercept ? size - 1 : size - 2
        return axes.0 != axes.1 && (0...last).contains(axes.0) && (0...last).contains(axes.1)
    }

    /// The objective on a `columns × rows` grid over parameters `axes` (x, y), the others held at `center`;
    /// sampled at cell centres, row 0 at the bottom (the lowest y), as `Plot.ScalarGrid` expects.
    public func grid(
        center: [Double], axes: (Int, Int), xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
        columns: Int, rows: Int
    ) -> LossGrid {
        precondition(isValid(axes: axes), "landscape axes must be two different parameters of the model")
        let c = max(0, columns), r = max(0, rows)
        let (i, j) = axes
        let m = size
        // At the centre with axes i and j moved by (a, e): f = f_c + 2a·s_i + 2e·s_j + a²H_ii + 2ae·H_ij + e²H_jj.
        var centerAbsolute = 0.0
        if l1 != 0 { for k in 0..<(m - 1) where k != i && k != j { centerAbsolute += abs(center[k]) } }
        var centerQuadratic = loss(at: center)
        if l1 != 0 { for k in 0..<(m - 1) { centerQuadratic -= l1 * abs(center[k]) } }
        let centerLoss = centerQuadratic / valueScale
        let penalisedX = i < m - 1, penalisedY = j < m - 1
        var delta = [Double](repeating: 0, count: m)
        for k in 0..<m { delta[k] = center[k] - reference[k] }
        if !fitIntercept { delta[m - 1] = 0 }
        func slope(_ p: Int) -> Double {
            var sum = referenceSlope[p]
            for k in 0..<m { sum += hessian[p * m + k] * delta[k] }
            return sum
        }
        let si = slope(i), sj = slope(j)
        let hii = hessian[i * m + i], hij = hessian[i * m + j], hjj = hessian[j * m + j]
        var values = [Double](repeating: 0, count: c * r)
        var low = Double.infinity, high = -Double.infinity
        for row in 0..<r {
            let y = yRange.lowerBound + (Double(row) + 0.5) / Double(r) * (yRange.upperBound - yRange.lowerBound)
            let e = y - center[j]
            let rowPart = centerLoss + 2 * e * sj + e * e * hjj
            for column in 0..<c {
                let x = xRange.lowerBound + (Double(column) + 0.5) / Double(c) * (xRange.upperBound - xRange.lowerBound)
                let a = x - center[i]
                var value = valueScale * max(0, rowPart + 2 * a * si + a * a * hii + 2 * a * e * hij)
                if l1 != 0 { value += l1 * (centerAbsolute + (penalisedX ? abs(x) : 0) + (penalisedY ? abs(y) : 0)) }
                values[row * c + column] = value
                low = min(low, value)
                high = max(high, value)
            }
        }
        return LossGrid(
            axes: axes, names: (parameterNames[i], parameterNames[j]), xRange: xRange, yRange: yRange, columns: c,
            rows: r, values: values, minimum: c * r > 0 ? low : 0, maximum: c * r > 0 ? high : 0)
    }

    /// Ranges on `axes` that hold every given point (e.g. the current point, the optimum and the path) with
    /// a margin of `margin` of the span on each side; a degenerate span widens to something visible.
    public func window(
        axes: (Int, Int), including points: [[Double]], margin: Double = 0.15
    ) -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        func range(_ values: [Double]) -> ClosedRange<Double> {
            let finite = values.filter(\.isFinite)
            guard var low = finite.min(), var high = finite.max() else { return -1...1 }
            let magnitude = max(abs(low), abs(high))
            if high - low < 1e-9 * max(1, magnitude) {
                let middle = (low + high) / 2, half = max(0.5, 0.1 * magnitude)
                (low, high) = (middle - half, middle + half)
            }
            let pad = (high - low) * max(0, margin)
            return (low - pad)...(high + pad)
        }
        return (range(points.map { $0[axes.0] }), range(points.map { $0[axes.1] }))
    }
}
