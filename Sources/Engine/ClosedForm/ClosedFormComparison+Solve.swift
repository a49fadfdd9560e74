// Computing the closed-form comparison for a session's problem through the LeastSquares solver.

extension ClosedFormComparison {
    /// Solves the problem GD runs on and expresses the answer in data units. Without an L2 penalty the
    /// optimum does not depend on feature scaling, so the raw design is solved (polynomial columns formed by
    /// the solver in extended precision); with a penalty, the penalty applies to the weights GD sees, so the
    /// standardized design is solved when standardization is on, then mapped back.
    public static func solve(
        train: Dataset, test: Dataset?, fitIntercept: Bool, l2: Double, standardized: Bool, loss: LossScaling = .mse
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
            trainLoss: loss == .mse ? solution.meanSquaredError : k * solution.meanSquaredError,
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
