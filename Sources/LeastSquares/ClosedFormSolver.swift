// The closed-form solver: refined normal equations when large and well conditioned, else TSQR + SVD + Float80.

import CLapack

/// The closed-form solver: centre, scale, orthogonal factorization, refinement in extended precision.
public enum ClosedFormSolver {
    /// Solves `problem`; thread-safe and re-entrant, uses several threads on large problems.
    ///
    /// Large, well-conditioned problems take `RefinedNormalEquations` (a Gram matrix and residual passes); the
    /// rest, and any problem where that route would keep fewer than eleven digits, take the orthogonal route.
    /// The intercept is outside the minimised norm (scikit-learn's convention): with one, the centred problem
    /// is solved for w and b = ȳ − x̄ᵀw. Ridge minimises ‖Xw + b − y‖² + α‖w‖² (sum of squares, b unpenalised).
    public static func solve(_ problem: LeastSquaresProblem) throws -> LeastSquaresSolution {
        _ = singleThreadedBLAS
        // The fast route finds non-finite values in its moments and then validates; it saves a pass.
        try problem.validate(values: false)
        let n = problem.rowCount, d = problem.columnCount
        let partition = RowPartition(rowCount: n, minimumRows: d)
        if let fast = try RefinedNormalEquations.solve(problem, partition: partition) { return fast }
        try problem.validate()
        let design = ExtendedDesign(problem)
        let centering = try Centering(design: design, fitIntercept: problem.fitIntercept, partition: partition)
        let scaling = try ColumnScaling(design: design, centering: centering, partition: partition)
        let scaled = ScaledDesignOperator(
            design: design, centering: centering, scaling: scaling, ridgeRoot: Float80(problem.l2).squareRoot())
        let factorization = try OrthogonalFactorization(design: scaled, partition: partition)
        let refined = try IterativeRefinement.refine(design: scaled, factorization: factorization, partition: partition)

        var w = (0..<d).map { scaling.isConstant[$0] ? 0 : refined.z[$0] / scaling.scales[$0] }
        let rank = factorization.dataRank
        var groups = [[Int]]()
        if rank < d {
            var copy = factorization.dataR
            let svd = try LapackCall.thinSVD(rows: factorization.dataRRows, columns: d, &copy)
            let k = svd.sigma.count
            if problem.l2 == 0 {
                w = try MinimumNormProjection.project(w, rightSingularVectors: svd.vt, vtRows: k, rank: rank, scales: scaling.scales)
            }
            groups = CollinearColumns.groups(rightSingularVectors: svd.vt, vtRows: k, rank: rank, columnCount: d)
        }
        let intercept: Float80? = problem.fitIntercept
            ? (0..<d).reduce(centering.targetMean) { $0 - centering.columnMeans[$1] * w[$1] } : nil

        let sums = try scaled.residualAndTotalSums(w: w, partition: partition)
        let rss = Double(sums.rss), tss = Double(sums.tss)
        let parameterCount = rank + (problem.fitIntercept ? 1 : 0)

        // X's singular values are those of R with the column scales put back, taken relative to the largest scale's
        // power of two (exact) so that a column of order 1e308 does not overflow R into inf and the SVD into NaN:
        // a singular value beyond Double's range is then +inf, and κ (a ratio) stays finite.
        let largestScale = scaling.scales.max() ?? 1
        let exponent = largestScale.isNormal ? Int(largestScale.exponent) : 0
        var unscaledR = factorization.dataR
        for j in 0..<d {
            let relative = Double(Float80(sign: .plus, exponent: -exponent, significand: scaling.scales[j]))
            for i in 0..<factorization.dataRRows { unscaledR[j * factorization.dataRRows + i] *= relative }
        }
        let relativeSingularValues = try LapackCall.singularValues(rows: factorization.dataRRows, columns: d, &unscaledR)
        let singularValues = relativeSingularValues.map { Double(sign: .plus, exponent: exponent, significand: $0) }
        let smallest = relativeSingularValues.last ?? 0
        let condition = rank < d || smallest == 0 ? Double.infinity : relativeSingularValues[0] / smallest

        let coefficients = w.map { Double($0) }
        let interceptValue = intercept.map { Double($0) }
        let rounded = design.roundedMatrix()
        let textbook = NormalEquations.solve(
            rowCount: n, design: rounded, target: problem.target, fitIntercept: problem.fitIntercept, l2: problem.l2)
        let parameters = coefficients + (interceptValue.map { [$0] } ?? [])
        let distance = textbook.map { answer -> Double in
            let gap = zip(answer, parameters).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
            let size = parameters.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
            return size > 0 ? gap / size : gap
        }

        var warnings = [String]()
        if n < d {
            warnings.append("\(n) rows but \(d) columns: underdetermined, the minimum-norm solution is reported (rank \(rank))")
        }
        let names = (0..<d).map { problem.name(of: $0) }
        warnings += CollinearColumns.warnings(
            groups: groups, names: names, isConstant: scaling.isConstant, fitIntercept: problem.fitIntercept,
            ridge: problem.l2 > 0)

        return LeastSquaresSolution(
            coefficients: coefficients, intercept: interceptValue, rank: rank, singularValues: singularValues,
            conditionNumber: condition, residualSumOfSquares: rss, meanSquaredError: rss / Double(n),
            rSquared: tss > 0 ? 1 - rss / tss : (rss == 0 ? 1 : 0),
            residualStandardDeviation: n > parameterCount ? (rss / Double(n - parameterCount)).squareRoot() : 0,
            largestStableLearningRate: largestStableLearningRate(
                rowCount: n, design: rounded, fitIntercept: problem.fitIntercept, l2: problem.l2 / Double(n)),
            standardizedLargestStableLearningRate: factorization.dataSingularValues.first.map { $0 > 0 ? 1 / ($0 * $0) : .infinity } ?? .infinity,
            normalEquationCoefficients: textbook.map { Array($0[0..<d]) },
            normalEquationIntercept: problem.fitIntercept ? textbook.map { $0[d] } : nil,
            normalEquationRelativeDistance: distance, collinearColumns: groups, warnings: warnings)
    }

    /// Our row partition does the parallel work; OpenBLAS's own threads would oversubscribe the cores during
    /// it, and after every call they spin for a while, taking a core from training and from our passes.
    static let singleThreadedBLAS: Void = openblas_set_num_threads(1)
}
