// GD with an L2 penalty and the closed form optimise the same objective: MSE + α‖w‖².
import XCTest
@testable import Engine

final class RidgeClosedFormTests: XCTestCase {
    /// Trains full-batch GD to convergence and compares it with the session's closed form, raw and standardized.
    func testGradientDescentWithL2ConvergesToTheClosedFormRidgeAnswer() throws {
        let data = try wellConditioned(rows: 300, features: 4, seed: 11)
        for standardize in [false, true] {
            for alpha in [0.05, 2.0] {
                var run = TrainingRun(
                    train: data, hyperparameters: .init(method: .gd, learningRate: 0.1, l2: alpha),
                    standardize: standardize)
                let rate = 0.9 * run.largestStableLearningRate()
                run.setHyperparameters(.init(method: .gd, learningRate: rate, l2: alpha))
                for _ in 0..<5000 { run.takeStep() }
                let closed = try ClosedFormComparison.solve(
                    train: data, test: nil, fitIntercept: true, l2: alpha, standardized: standardize)
                let trained = run.model
                let context = "standardize \(standardize), α \(alpha)"
                for j in 0..<4 {
                    XCTAssertEqual(trained.weights[j], closed.weights[j], accuracy: 1e-9 * max(1, abs(closed.weights[j])), context)
                }
                XCTAssertEqual(trained.intercept!, closed.intercept!, accuracy: 1e-9 * max(1, abs(closed.intercept!)), context)
            }
        }
    }

    /// Without standardization the closed form is the Float80 normal-equation ridge optimum with nα on the diagonal.
    func testClosedFormRidgeMatchesTheReferenceOptimum() throws {
        let data = try wellConditioned(rows: 200, features: 3, seed: 5)
        let reference = referenceOptimum(data, fitIntercept: true, l2: 0.7)
        let closed = try ClosedFormComparison.solve(train: data, test: nil, fitIntercept: true, l2: 0.7, standardized: false)
        for j in 0..<3 { XCTAssertEqual(closed.weights[j], reference.weights[j], accuracy: 1e-11 * max(1, abs(reference.weights[j]))) }
        XCTAssertEqual(closed.intercept!, reference.intercept, accuracy: 1e-11 * max(1, abs(reference.intercept)))
    }
}
