// The loss landscape: grid values against direct evaluation, the optimum at the bottom, the path in GD's units.
import XCTest
@testable import Engine

final class LossLandscapeTests: XCTestCase {
    /// MSE + α‖w‖² evaluated row by row in Float80, at GD's parameters for a scaling.
    private func directObjective(_ data: Dataset, _ scaling: FeatureScaling, _ theta: [Double], l2: Double = 0) -> Double {
        let d = data.featureCount
        let model = scaling.toDataUnits(weights: Array(theta[0..<d]), intercept: theta[d])
        var penalty = 0.0
        for j in 0..<d { penalty += l2 * theta[j] * theta[j] }
        return referenceLoss(data, weights: model.weights, intercept: model.intercept) + penalty
    }

    func testGridMatchesDirectEvaluationOnBothScalings() throws {
        let data = try wellConditioned(rows: 120, features: 3)
        for standardized in [false, true] {
            for l2 in [0.0, 0.3] {
                let landscape = try XCTUnwrap(LossLandscape(train: data, fitIntercept: true, standardized: standardized, l2: l2))
                let scaling = standardized ? FeatureScaling(standardizing: data, centred: true) : .identity(3)
                let center = [0.4, -1.2, 0.7, 2.5]
                let grid = landscape.grid(center: center, axes: (1, 3), xRange: -3...1, yRange: 0...4, columns: 7, rows: 5)
                XCTAssertEqual(grid.values.count, 35)
                for (column, row) in [(0, 0), (6, 4), (3, 2), (5, 1)] {
                    var theta = center
                    theta[1] = -3 + (Double(column) + 0.5) / 7 * 4
                    theta[3] = 0 + (Double(row) + 0.5) / 5 * 4
                    let expected = directObjective(data, scaling, theta, l2: l2)
                    XCTAssertEqual(grid.value(column: column, row: row), expected, accuracy: 1e-9 * max(1, expected))
                }
                XCTAssertEqual(landscape.loss(at: center), directObjective(data, scaling, center, l2: l2), accuracy: 1e-9)
                XCTAssertEqual(grid.minimum, grid.values.min())
                XCTAssertEqual(grid.names.0, "x2")
                XCTAssertEqual(grid.names.1, "b")
            }
        }
    }

    func testOptimumIsTheLowestPointAndMatchesTheReference() throws {
        let data = try wellConditioned(rows: 200, features: 2)
        let landscape = try XCTUnwrap(LossLandscape(train: data, fitIntercept: true, standardized: false))
        let optimum = try XCTUnwrap(landscape.optimum)
        let reference = referenceOptimum(data, fitIntercept: true)
        for j in 0..<2 { XCTAssertEqual(optimum[j], reference.weights[j], accuracy: 1e-9) }
        XCTAssertEqual(optimum[2], reference.intercept, accuracy: 1e-9)
        let lowest = landscape.loss(at: optimum)
        for shift in [[0.01, 0, 0], [0, -0.01, 0], [0, 0, 0.01], [0.003, 0.003, -0.003]] {
            XCTAssertGreaterThan(landscape.loss(at: zip(optimum, shift).map(+)), lowest)
        }
    }

    func testStandardizationRoundsTheValley() throws {
        // line data: x in [0, 10], so on raw features w and b are strongly coupled.
        let data = try BuiltinDataset.line.make(.init(), seed: 0)
        func curvatureRatio(_ standardized: Bool) throws -> Double {
            let landscape = try XCTUnwrap(LossLandscape(train: data, fitIntercept: true, standardized: standardized))
            let o = try XCTUnwrap(landscape.optimum)
            // Rise of the loss one unit away along w and along b: equal for a round valley.
            let rw = landscape.loss(at: [o[0] + 1, o[1]]) - landscape.loss(at: o)
            let rb = landscape.loss(at: [o[0], o[1] + 1]) - landscape.loss(at: o)
            return max(rw, rb) / min(rw, rb)
        }
        XCTAssertEqual(try curvatureRatio(true), 1, accuracy: 1e-9)
        XCTAssertGreaterThan(try curvatureRatio(false), 10)
    }

    func testWindowHoldsEveryPointAndNeverCollapses() throws {
        let data = try wellConditioned(rows: 50, features: 2)
        let landscape = try XCTUnwrap(LossLandscape(train: data, fitIntercept: true, standardized: true))
        let window = landscape.window(axes: (0, 2), including: [[1, 5, -2], [3, 0, 4]])
        XCTAssertTrue(window.x.contains(1) && window.x.contains(3))
        XCTAssertTrue(window.y.contains(-2) && window.y.contains(4))
        XCTAssertLessThan(window.x.lowerBound, 1)
        let flat = landscape.window(axes: (0, 1), including: [[2, 2, 0]])
        XCTAssertGreaterThan(flat.x.upperBound - flat.x.lowerBound, 0)
        XCTAssertTrue(flat.x.contains(2))
    }

    func testAxesAreCheckedAndTooManyFeaturesGiveNil() throws {
        let data = try wellConditioned(rows: 30, features: 2)
        let noIntercept = try XCTUnwrap(LossLandscape(train: data, fitIntercept: false, standardized: true))
        XCTAssertTrue(noIntercept.isValid(axes: (0, 1)))
        XCTAssertFalse(noIntercept.isValid(axes: (0, 2)), "no intercept axis without an intercept")
        XCTAssertFalse(noIntercept.isValid(axes: (1, 1)))
        let wide = try BuiltinDataset.synthetic.make(.init(rows: 10, features: 300), seed: 1)
        XCTAssertNil(LossLandscape(train: wide, fitIntercept: true, standardized: true))
    }

    func testSessionTrajectoryEndsAtTheCurrentModelInGDUnits() throws {
        let data = try BuiltinDataset.line.make(.init(), seed: 0)
        let session = TrainingSession(
            train: data, hyperparameters: .init(method: .gd, learningRate: 0.02), standardize: false)
        defer { session.shutdown() }
        for _ in 0..<40 { session.step() }
        session.waitUntilIdle()
        let snapshot = session.snapshot()
        let raw = try XCTUnwrap(LossLandscape(train: data, fitIntercept: true, standardized: false))
        let path = session.trajectory(parameters: (0, 1), maxPoints: 100, landscape: raw)
        XCTAssertEqual(path.count, 41, "step 0 and every one of the 40 steps")
        XCTAssertEqual(path.first!.x, 0)
        XCTAssertEqual(path.last!.x, snapshot.weights[0])
        XCTAssertEqual(path.last!.y, snapshot.intercept!)
        // The same path seen on standardized axes: w scaled by the sd, b moved by w·mean.
        let standardized = try XCTUnwrap(LossLandscape(train: data, fitIntercept: true, standardized: true))
        let scaling = FeatureScaling(standardizing: data, centred: true)
        let seen = session.trajectory(parameters: (0, 1), maxPoints: 100, landscape: standardized)
        XCTAssertEqual(seen.last!.x, snapshot.weights[0] * scaling.scales[0], accuracy: 1e-12)
        XCTAssertEqual(seen.last!.y, snapshot.intercept! + snapshot.weights[0] * scaling.shifts[0], accuracy: 1e-9)
        // Raw GD on this valley zig-zags: the intercept does not move monotonically... but the loss does fall.
        XCTAssertLessThan(raw.loss(at: [path.last!.x, path.last!.y]), raw.loss(at: [0, 0]))
        let live = try XCTUnwrap(LossLandscape(session: session))
        XCTAssertFalse(live.standardized)
        XCTAssertEqual(live.parameters(weights: snapshot.weights, intercept: snapshot.intercept), [path.last!.x, path.last!.y])
        session.reset()
        session.waitUntilIdle()
        XCTAssertEqual(session.parameterTrajectory().points.map(\.step), [0])
    }
}
