// Computing the closed-form comparison for a session's problem through the LeastSquares solver.

extension ClosedFormComparison {
    /// Solves the problem GD runs on and expresses the answer in data units. Without an L2 penalty the
    /// optimum does not depend on feature scaling, so the raw design is solved (polynomial columns formed by
    /// the solver in extended precision); with a penalty, the penalty applies to the weights GD sees, so the
    /// standardized design is solved when standardization is on, then mapped back.
    public static func solve(
        train: Dataset, test: Dataset?, fitIntercept: Bool, l2: Double, standardized: Bool, loss: LossScaling = .mse,
        l1: Double = 0
    ) throws -> ClosedFormComparison {
        let bytes = MemoryBudget.closedFormBytes(rows: train.rowCount, features: train.featureCount)
        if let tooBig = MemoryBudget.problem(bytes: bytes) {
            throw ClosedFormFailure(
                description: "\(train.name): \(MemoryBudget.shape(rows: train.rowCount, features: train.featureCount)) \(tooBig)")
        }
        var comparison = try ridge(
            train: train, test: test, fitIntercept: fitIntercept, l2: l2, standardized: standardized, loss: loss)
        guard l1 > 0 else { return comparison }
        // An L1 penalty has no closed form: the optimum is coordinate descent's (the diagnostics stay the ridge's).
        let optimum = ElasticNetOptimum(
            train: train, fitIntercept: fitIntercept, l1: l1, l2: l2, standardized: standardized, loss: loss)
        comparison.weights = optimum.weights
        comparison.intercept = optimum.intercept
        comparison.trainLoss = optimum.objective
        comparison.testLoss = test.map { data in
            let mse = meanSquaredError(of: optimum.weights, optimum.intercept ?? 0, on: data)
            return loss == .mse ? mse : loss.multipleOfMSE(rows: data.rowCount) * mse
        }
        comparison.normalEquationWeights = nil
        comparison.normalEquationRelativeDistance = nil
        return comparison
    }

    /// The L2 (or unpenalised) optimum through the LeastSquares solver.
    static func ridge(
        train: Dataset, test: Dataset?, fitIntercept: Bool, l2: Double, standardized: Bool, loss: LossScaling
    ) throws -> ClosedFormComparison {
        let k = loss.multipleOfMSE(rows: train.rowCount)
        let scaling = standardized && l2 != 0
            ? FeatureScaling(standardizing: train, centred: fitIntercept) : FeatureScaling.identity(train.featureCount)
        let columns: DesignColumns
        if let base = train.polynomialBase, scaling == .identity(train.featureCount) {
            columns = .polynomial(base: base.values, baseCount: base.names.count, degree: base.degree)
        } else {
            columns = .matrix(scaling.apply(to: train))
        }
        // GD minimises k·MSE + α‖w‖² = (k/n)(‖Xw + b − y‖² + (n/k)α‖w‖²); the solver's penalty is on the sum of squares.
        let problem = LeastSquaresProblem(
            rowCount: train.rowCount, columns: columns, target: train.y, fitIntercept: fitIntercept,
            l2: loss == .mse ? Double(train.rowCount) * l2 : Double(train.rowCount) * l2 / k, columnNames: train.featureNames)
        let solution = try ClosedFormSolver.solve(problem)
        let model = scaling.toDataUnits(weights: solution.coefficients, intercept: solution.intercept ?? 0)
        let intercept = fitIntercept ? model.intercept : nil
        let normal = solution.normalEquationCoefficients.map {
            scaling.toDataUnits(weights: $0, intercept: solution.normalEquationIntercept ?? 0).weights
        }
        // The stable rate is for the design GD runs on, which is standardized whenever standardization is on;
        // the solver gives it for the design it solved and for that design z-scored (it is 1/λmax of the
        // correlation matrix then), so no Gram matrix of a standardized copy is needed.
        let gdScaling = standardized ? FeatureScaling(standardizing: train, centred: fitIntercept) : scaling
        let stableForMSE = gdScaling == scaling
            ? solution.largestStableLearningRate
            : solution.standardizedLargestStableLearningRate
        let stable = loss == .mse ? stableForMSE : stableForMSE / k
        return ClosedFormComparison(
            weights: model.weights, intercept: intercept,
            // J of the optimum: the data term, plus α‖w‖² (in the units the penalty applies to) when penalised.
            trainLoss: (loss == .mse ? solution.meanSquaredError : k * solution.meanSquaredError)
                + (l2 != 0 ? l2 * solution.coefficients.reduce(0) { $0 + $1 * $1 } : 0),
            testLoss: test.map { data in
                let mse = meanSquaredError(of: model.weights, intercept ?? 0, on: data)
                return loss == .mse ? mse : loss.multipleOfMSE(rows: data.rowCount) * mse
            },
            rank: solution.rank, conditionNumber: solution.conditionNumber, singularValues: solution.singularValues,
            largestStableLearningRate: stable, normalEquationWeights: normal, warnings: solution.warnings,
            residualStandardDeviation: solution.residualStandardDeviation,
            normalEquationRelativeDistance: solution.normalEquationRelativeDistance)
    }

    /// MSE of a model in data units on some rows.
    static func meanSquaredError(of weights: [Double], _ intercept: Double, on data: Dataset) -> Double {
        let design = DesignMatrix(x: data.x, y: data.y, columnCount: data.featureCount)
        return design.sumOfSquaredResiduals(parameters: weights, intercept: intercept) / Double(data.rowCount)
    }
}
