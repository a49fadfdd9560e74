// The fast route for large, well-conditioned problems: one Gram matrix, Cholesky, refinement on the data.

/// Normal equations of the centred, scaled design, solved by Cholesky and, when that can add digits, refined
/// with residual passes over the exact data: z ← z + S⁻¹C⁻¹(X − 1mᵀ)ᵀr. Declines (returns nil) unless the
/// problem is large and well enough conditioned that the answer keeps more than eleven digits.
///
/// Cost: one pass that forms the Gram matrix of [X, 1, y] (compute-bound, two threads), and a memory-bound
/// residual pass only when the estimates below say it can add digits; the orthogonal route needs a QR of a
/// copy of the data and Float80 passes. Accuracy: the unrefined answer has a forward error of about
/// d·κ²·ε·(1 + ‖r‖/(σmax·‖z‖)) (κ of the scaled, centred design); refinement with Double residuals brings it to
/// ε·(κ + κ²·‖r‖/(σmax·‖z‖)), what a backward-stable method gives. Above 10⁻¹¹ the solver takes the orthogonal
/// route with extended-precision refinement instead.
enum RefinedNormalEquations {
    /// Problems with fewer entries (n·d) go the orthogonal route: it is cheap there, and it is the one that
    /// squeezes the last digits out of hard small problems such as NIST's.
    static let minimumEntries = ScaledDesignOperator.exactProductLimit
    /// Largest forward-error estimate accepted for the coefficients.
    static let acceptedError = 1e-11
    /// Unrefined answers are kept when their estimate is below this (and RSS from the moments is good to 10⁻⁹).
    static let unrefinedError = 1e-12
    static let maximumPasses = 4

    static func solve(
        _ problem: LeastSquaresProblem, partition: RowPartition, minimumEntries: Int = minimumEntries
    ) throws -> LeastSquaresSolution? {
        var passes = 0
        return try solve(problem, partition: partition, minimumEntries: minimumEntries, passes: &passes)
    }

    /// The same, counting the residual passes it made (for tests).
    static func solve(
        _ problem: LeastSquaresProblem, partition: RowPartition, minimumEntries: Int, passes: inout Int
    ) throws -> LeastSquaresSolution? {
        guard case .matrix(let x) = problem.columns else { return nil }
        let n = problem.rowCount, d = problem.columnCount
        guard n * d >= minimumEntries, n >= 2 * d + 2 else { return nil }
        let y = problem.target, alpha = problem.l2, intercept = problem.fitIntercept
        let gram = try AugmentedGram(matrix: x, target: y, rowCount: n, partition: partition)
        guard gram.entries.allSatisfy(\.isFinite) else {
            try problem.validate()  // names the first non-finite value; finite values that overflowed go on
            return nil
        }
        let moments = CentredMoments(gram, centred: intercept)
        let ε = Double.ulpOfOne

        // Constant columns, and columns whose spread is lost in the shift, take the orthogonal route.
        var scales = [Double](repeating: 1, count: d)
        var cancellation = 1.0
        for j in 0..<d {
            let spread = moments.gram[j * d + j], raw = moments.uncentredSquares[j]
            guard spread > 0, spread.isFinite, spread >= 1e-8 * raw else { return nil }
            scales[j] = spread.squareRoot()
            cancellation = max(cancellation, raw / spread)
        }
        // S = C⁻¹·Gc·C⁻¹ + α·C⁻² (a correlation matrix plus the scaled ridge).
        var system = [Double](repeating: 0, count: d * d)
        for k in 0..<d {
            for j in 0..<d { system[k * d + j] = moments.gram[k * d + j] / (scales[j] * scales[k]) }
            system[k * d + k] += alpha / (scales[k] * scales[k])
        }
        var norm = 0.0
        for k in 0..<d {
            var column = 0.0
            for j in 0..<d { column += abs(system[k * d + j]) }
            norm = max(norm, column)
        }
        guard let factor = choleskyFactor(system, order: d) else { return nil }
        let reciprocal = try LapackCall.choleskyReciprocalCondition(factor: factor, order: d, norm: norm)
        guard reciprocal > 0 else { return nil }
        let kappaSquared = 1 / reciprocal
        // Refinement contracts by about d·κ²·ε per pass (more when the shift cancelled digits).
        let contraction = Double(d) * ε * cancellation * kappaSquared
        guard contraction < 1e-3 else { return nil }

        var z = try LapackCall.choleskySolve(factor: factor, order: d, (0..<d).map { moments.crossProducts[$0] / scales[$0] })
        var w = (0..<d).map { z[$0] / scales[$0] }
        var scaledFactor = factor
        let scaledSigma = try LapackCall.singularValues(rows: d, columns: d, &scaledFactor)
        guard let largestScaled = scaledSigma.first, largestScaled > 0 else { return nil }
        func norm2(_ v: [Double]) -> Double { v.reduce(0.0) { $0 + $1 * $1 }.squareRoot() }

        // RSS from the moments: yyc − 2wᵀXcᵀyc + wᵀGcw, each term exact to about 16ε of its size.
        let fromMoments = moments.residualSumOfSquares(w)
        var rss = fromMoments.value, tss = moments.targetSquares
        let unrefined = 16 * ε * Double(d) * cancellation * kappaSquared
            * (1 + max(rss, 0).squareRoot() / (largestScaled * max(norm2(z), .leastNormalMagnitude)))
        let rssGood = rss > 0 && 16 * ε * fromMoments.size <= 1e-9 * rss
        if !(unrefined <= unrefinedError && rssGood) {
            var previous = Double.infinity
            while passes < maximumPasses {
                let pass = try CentredResidualPass(
                    matrix: x, target: y, means: moments.means, targetMean: moments.targetMean, w: w, partition: partition)
                passes += 1
                let g = (0..<d).map { (pass.gradient[$0] - alpha * w[$0]) / scales[$0] }
                let correction = try LapackCall.choleskySolve(factor: factor, order: d, g)
                let size = norm2(z), change = norm2(correction)
                let relative = size > 0 ? change / size : change
                guard relative.isFinite, relative < 0.5 * previous || relative <= 4 * ε else { return nil }
                // RSS at the corrected w from this pass: ‖r − Xc·δw‖² = RSS − 2δwᵀg + δwᵀ·Gc·δw.
                let delta = (0..<d).map { correction[$0] / scales[$0] }
                var linear = 0.0, quadratic = 0.0
                for j in 0..<d {
                    linear += delta[j] * pass.gradient[j]
                    for k in 0..<d { quadratic += delta[j] * moments.gram[k * d + j] * delta[k] }
                }
                rss = max(0, pass.residualSumOfSquares - 2 * linear + quadratic)
                tss = intercept ? pass.totalSumOfSquares : tss
                for j in 0..<d { z[j] += correction[j] }
                w = (0..<d).map { z[$0] / scales[$0] }
                previous = relative
                // No further pass once the correction is at rounding level or predicted to fall below it.
                if relative <= 4 * ε || relative * contraction < ε { break }
            }
        }
        let kappa = kappaSquared.squareRoot()
        let zNorm = norm2(z)
        let estimate = 16 * ε * (kappa + kappaSquared * rss.squareRoot() / (largestScaled * max(zNorm, .leastNormalMagnitude)))
        guard zNorm > 0, estimate <= acceptedError else { return nil }

        // Singular values of the centred design: those of R·C, R the Cholesky factor of S without the ridge.
        var dataFactor = factor
        var dataLargest = largestScaled
        if alpha > 0 {
            var plain = system
            for k in 0..<d { plain[k * d + k] -= alpha / (scales[k] * scales[k]) }
            guard let f = choleskyFactor(plain, order: d) else { return nil }
            dataFactor = f
            var copy = f
            dataLargest = try LapackCall.singularValues(rows: d, columns: d, &copy).first ?? 0
        }
        for k in 0..<d { for j in 0..<d { dataFactor[k * d + j] *= scales[k] } }
        let singularValues = try LapackCall.singularValues(rows: d, columns: d, &dataFactor)
        guard let smallest = singularValues.last, smallest > 0 else { return nil }

        let interceptValue: Double? = intercept
            ? Double((0..<d).reduce(Float80(moments.targetMean)) { $0 - Float80(moments.means[$1]) * Float80(w[$1]) }) : nil
        let parameterCount = d + (intercept ? 1 : 0)
        let textbook = moments.textbookSystem(ridge: alpha)
        let normal = NormalEquations.solve(system: textbook.matrix, order: textbook.order, rhs: textbook.rhs)
        let parameters = w + (interceptValue.map { [$0] } ?? [])
        let distance = normal.map { answer -> Double in
            let gap = norm2(zip(answer, parameters).map { $0 - $1 })
            let size = norm2(parameters)
            return size > 0 ? gap / size : gap
        }
        var eigenSystem = textbook.matrix
        var stableRate = Double.infinity
        if let eigenvalues = try? LapackCall.symmetricEigenvalues(order: textbook.order, &eigenSystem),
            let largest = eigenvalues.last, largest > 0, largest.isFinite
        {
            stableRate = Double(n) / largest
        }

        return LeastSquaresSolution(
            coefficients: w, intercept: interceptValue, rank: d, singularValues: singularValues,
            conditionNumber: singularValues[0] / smallest, residualSumOfSquares: rss, meanSquaredError: rss / Double(n),
            rSquared: tss > 0 ? 1 - rss / tss : (rss == 0 ? 1 : 0),
            residualStandardDeviation: n > parameterCount ? (rss / Double(n - parameterCount)).squareRoot() : 0,
            largestStableLearningRate: stableRate, standardizedLargestStableLearningRate: 1 / (dataLargest * dataLargest),
            normalEquationCoefficients: normal.map { Array($0[0..<d]) },
            normalEquationIntercept: intercept ? normal.map { $0[d] } : nil,
            normalEquationRelativeDistance: distance, collinearColumns: [], warnings: [])
    }

    /// The upper Cholesky factor of `a` with the lower triangle zeroed; nil when not positive definite.
    private static func choleskyFactor(_ a: [Double], order d: Int) -> [Double]? {
        var factor = a
        guard LapackCall.choleskyFactor(order: d, &factor) else { return nil }
        for k in 0..<d { for j in (k + 1)..<max(k + 1, d) { factor[k * d + j] = 0 } }
        return factor
    }
}
