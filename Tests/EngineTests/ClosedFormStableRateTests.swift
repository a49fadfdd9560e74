// The closed form's stable learning rate is the bound for the design GD actually runs on.
import XCTest
@testable import Engine

final class ClosedFormStableRateTests: XCTestCase {
    func testClosedFormStableRateMatchesTheTrainingRunsBound() throws {
        var data = try BuiltinDataset.synthetic.make(SyntheticParameters(rows: 400, features: 4, noise: 0.3, conditionNumber: 20), seed: 9)
        // Columns of different sizes and offsets, so standardizing changes the bound a lot.
        for i in 0..<data.rowCount { for j in 0..<4 { data.x[i * 4 + j] = data.x[i * 4 + j] * Double(1 + 3 * j) + Double(j) } }
        for intercept in [true, false] {
            for standardize in [true, false] {
                for alpha in [0.0, 0.4] {
                    var run = TrainingRun(
                        train: data, hyperparameters: .init(l2: alpha), fitIntercept: intercept, standardize: standardize)
                    let expected = run.largestStableLearningRate()
                    let closed = try ClosedFormComparison.solve(
                        train: data, test: nil, fitIntercept: intercept, l2: alpha, standardized: standardize)
                    XCTAssertEqual(closed.largestStableLearningRate, expected, accuracy: 1e-9 * expected,
                                   "intercept \(intercept), standardize \(standardize), α \(alpha)")
                }
            }
        }
    }
}
