// The lasso path on diabetes: coefficients enter in scikit-learn's lasso_path order; the grid and warm starts.
import XCTest
@testable import Engine

final class RegularizationPathTests: XCTestCase {
    func testLassoPathEntryOrderIsScikitLearns() throws {
        let data = try DataSpecification(source: .builtin(.diabetes)).load().train
        // The same grid as the fixture: 400 alphas from alpha_max down to 1e-4·alpha_max.
        let path = RegularizationPath(train: data, fitIntercept: true, standardized: true, count: 400, eps: 1e-4)
        XCTAssertEqual(path.entryOrder, ScikitLearnElasticNetFixtures.lassoPathEntryOrder)
        XCTAssertTrue(path.points[0].weights.allSatisfy { $0 == 0 }, "alpha_max: every weight is zero")
        XCTAssertTrue(path.points[1].weights.contains { $0 != 0 }, "just below alpha_max the first weight enters")
        XCTAssertEqual(path.points.last!.alpha / path.points[0].alpha, 1e-4, accuracy: 1e-15)
        // Each point is the optimum at its penalty (warm starts change the route, not the answer).
        for index in [37, 200, 399] {
            let point = path.points[index]
            let cold = ElasticNetOptimum(train: data, fitIntercept: true, l1: point.l1, l2: point.l2, standardized: true)
            for j in 0..<data.featureCount {
                XCTAssertEqual(point.weights[j], cold.weights[j], accuracy: 1e-9 * max(1, abs(cold.weights[j])))
            }
        }
    }

    func testElasticNetPathMapsAlphaToBothPenalties() throws {
        let data = try DataSpecification(source: .builtin(.diabetes)).load().train
        let path = RegularizationPath(train: data, fitIntercept: true, standardized: true, l1Ratio: 0.5, count: 5)
        for point in path.points {
            XCTAssertEqual(point.l1, point.alpha, accuracy: 1e-15 * point.alpha)  // 2·alpha·½
            XCTAssertEqual(point.l2, point.alpha / 2, accuracy: 1e-15 * point.alpha)
        }
    }
}
