// Coordinate descent's L1 / elastic-net optimum against scikit-learn's, the proximal step, and the full objective.
import XCTest
@testable import Engine

final class ElasticNetOptimumTests: XCTestCase {
    private func diabetes() throws -> Dataset { try DataSpecification(source: .builtin(.diabetes)).load().train }

    func testCoordinateDescentEqualsScikitLearnLassoAndElasticNet() throws {
        let data = try diabetes()
        for case_ in ScikitLearnElasticNetFixtures.cases {
            let optimum = ElasticNetOptimum(
                train: data, fitIntercept: true, l1: case_.l1, l2: case_.l2, standardized: case_.standardized)
            let size = case_.coefficients.map(abs).max()!
            let label = "α₁ \(case_.l1) α₂ \(case_.l2) standardized \(case_.standardized)"
            for (j, expected) in case_.coefficients.enumerated() {
                XCTAssertEqual(optimum.weights[j], expected, accuracy: 1e-8 * size, "\(label) w\(j)")
                // Zeros where scikit-learn has zeros, exactly.
                if expected == 0 { XCTAssertEqual(optimum.weights[j], 0, "\(label) w\(j)") }
            }
            XCTAssertEqual(optimum.intercept!, case_.intercept, accuracy: 1e-8 * abs(case_.intercept), label)
            XCTAssertLessThan(optimum.gap, 1e-12 * optimum.objective, label)
        }
    }

    func testScikitLearnMappingOfThePenalties() {
        let mse = ElasticNetOptimum.scikitLearnParameters(l1: 4, l2: 0.5, multipleOfMSE: 1)
        XCTAssertEqual(mse.alpha, 2.5)
        XCTAssertEqual(mse.l1Ratio, 0.8)
        // J = ½MSE + …: the same α's weigh twice as much against the data term.
        let half = ElasticNetOptimum.scikitLearnParameters(l1: 4, l2: 0.5, multipleOfMSE: 0.5)
        XCTAssertEqual(half.alpha, 5)
        XCTAssertEqual(half.l1Ratio, 0.8)
    }

    func testProximalGradientDescentReachesTheLassoOptimumWithExactZeros() throws {
        let data = try diabetes()
        let optimum = ElasticNetOptimum(train: data, fitIntercept: true, l1: 10, l2: 0, standardized: true)
        var probe = TrainingRun(train: data, standardize: true)
        let rate = 0.9 * probe.largestStableLearningRate()
        var run = TrainingRun(train: data, hyperparameters: Hyperparameters(learningRate: rate, l1: 10), standardize: true)
        for _ in 0..<20_000 { run.takeStep() }
        XCTAssertNil(run.outcome)
        run.refreshLosses()
        for j in 0..<data.featureCount {
            XCTAssertEqual(run.model.weights[j], optimum.weights[j], accuracy: 1e-7 * 40, "w\(j)")
            if optimum.weights[j] == 0 { XCTAssertEqual(run.model.weights[j], 0, "w\(j) is exactly zero") }
        }
        // The chart's loss is the full objective: MSE + α₁‖w‖₁ in z-units.
        XCTAssertEqual(run.latestTrainLoss!, optimum.objective, accuracy: 1e-9 * optimum.objective)
        XCTAssertGreaterThan(run.latestTrainLoss!, run.latestTrainMSE!)
    }

    func testSoftThresholdingIsTheProximalMap() {
        var values = [3.0, -0.5, 0.2, -4.0, 7.0]
        TrainingRun.softThreshold(&values, count: 4, by: 1)
        XCTAssertEqual(values, [2.0, 0, 0, -3.0, 7.0], "the last value (b) is left alone")
    }
}

final class PenalisedLandscapeTests: XCTestCase {
    func testTheLandscapeAddsTheL1PenaltyOnTheGridAndAtPoints() throws {
        let data = try DataSpecification(source: .builtin(.diabetes)).load().train
        let plain = try XCTUnwrap(LossLandscape(train: data, fitIntercept: true, standardized: true))
        let lasso = try XCTUnwrap(LossLandscape(train: data, fitIntercept: true, standardized: true, l1: 3))
        var theta = [Double](repeating: 0, count: 11)
        theta[2] = 20; theta[8] = -7; theta[10] = 150
        XCTAssertEqual(lasso.loss(at: theta), plain.loss(at: theta) + 3 * 27, accuracy: 1e-9 * plain.loss(at: theta))
        let grid = lasso.grid(center: theta, axes: (2, 8), xRange: -10...30, yRange: -20...20, columns: 8, rows: 6)
        let bare = plain.grid(center: theta, axes: (2, 8), xRange: -10...30, yRange: -20...20, columns: 8, rows: 6)
        for row in 0..<6 {
            for column in 0..<8 {
                let x = -10 + (Double(column) + 0.5) / 8 * 40, y = -20 + (Double(row) + 0.5) / 6 * 40
                let expected = bare.values[row * 8 + column] + 3 * (abs(x) + abs(y))
                XCTAssertEqual(grid.values[row * 8 + column], expected, accuracy: 1e-9 * expected)
            }
        }
    }
}
