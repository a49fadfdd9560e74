// The Fit views' engine side: the model curve, partial residuals and the single input of a (polynomial) model.
import Engine
import XCTest

final class FitGeometryTests: XCTestCase {
    func testModelCurveEvaluatesThePolynomialAcrossTheRange() {
        // ŷ = 1 + 2x − 3x² + 0.5x³
        let curve = ModelCurve(weights: [2, -3, 0.5], intercept: 1, from: -2, to: 2, count: 5)
        XCTAssertEqual(curve.xs, [-2, -1, 0, 1, 2])
        for (x, y) in zip(curve.xs, curve.ys) {
            XCTAssertEqual(y, 1 + 2 * x - 3 * x * x + 0.5 * x * x * x, accuracy: 1e-12)
        }
        let line = ModelCurve(weights: [2], intercept: nil, from: 0, to: 10, count: 2)
        XCTAssertEqual(line.ys, [0, 20])
        XCTAssertEqual(ModelCurve(weights: [1], intercept: 0, from: 3, to: 3, count: 50).xs, [3], "an empty range: one sample")
    }

    func testFitInputIsTheFeatureOrThePolynomialBase() throws {
        let line = Dataset(name: "l", featureNames: ["x"], targetName: "y", x: [1, 2, 3], y: [2, 4, 6])
        XCTAssertEqual(line.fitInput, [1, 2, 3])
        XCTAssertEqual(line.fitInputName, "x")
        let poly = line.polynomial(degree: 3)
        XCTAssertEqual(poly.featureCount, 3)
        XCTAssertEqual(poly.fitInput, [1, 2, 3], "the base, not the powers")
        let two = Dataset(name: "t", featureNames: ["a", "b"], targetName: "y", x: [1, 2, 3, 4], y: [1, 2])
        XCTAssertNil(two.fitInput)
        XCTAssertNil(two.polynomial(degree: 2).fitInput)
    }

    /// At the least-squares optimum, the least-squares slope of the partial residuals r + w*ⱼxⱼ on xⱼ is w*ⱼ
    /// itself (the property that makes the view honest); away from it, the slope differs.
    func testPartialResidualsAtTheOptimumHaveSlopeWStar() throws {
        let data = try DataSpecification(source: .builtin(.diabetes)).load().train
        let optimum = try ClosedFormComparison.solve(train: data, test: nil, fitIntercept: true, l2: 0, standardized: false)
        let predicted = zip(0..<data.rowCount, data.y).map { i, _ in
            (0..<data.featureCount).reduce(optimum.intercept ?? 0) { $0 + data.x[i * data.featureCount + $1] * optimum.weights[$1] }
        }
        for j in [0, 2, 8] {
            let partial = PartialResiduals(data: data, predicted: predicted, feature: j, weight: optimum.weights[j])
            XCTAssertEqual(slope(partial.xs, partial.ys), optimum.weights[j], accuracy: 1e-6 * max(1, abs(optimum.weights[j])))
            let mx = partial.xs.reduce(0, +) / Double(partial.xs.count), my = partial.ys.reduce(0, +) / Double(partial.ys.count)
            XCTAssertEqual(partial.centroid.x, mx, accuracy: 1e-9 * max(1, abs(mx)))
            XCTAssertEqual(partial.centroid.y, my, accuracy: 1e-9 * max(1, abs(my)))
            let line = partial.line(slope: 3, from: mx - 1, to: mx + 1)
            XCTAssertEqual(line.ys[1] - line.ys[0], 6, accuracy: 1e-9)
            XCTAssertEqual((line.ys[0] + line.ys[1]) / 2, my, accuracy: 1e-9 * max(1, abs(my)), "through the centroid")
        }
        // From zero weights the cloud is y against xⱼ: its slope is not w = 0.
        let zero = PartialResiduals(data: data, predicted: Array(repeating: 0, count: data.rowCount), feature: 2, weight: 0)
        XCTAssertGreaterThan(abs(slope(zero.xs, zero.ys)), 1)
        XCTAssertEqual(PartialResiduals.residuals(actual: [3, 5], predicted: [1, 7]), [2, -2])
        XCTAssertTrue(PartialResiduals(data: data, predicted: predicted, feature: 99, weight: 0).xs.isEmpty)
    }

    private func slope(_ xs: [Double], _ ys: [Double]) -> Double {
        let n = Double(xs.count)
        let mx = xs.reduce(0, +) / n, my = ys.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for (x, y) in zip(xs, ys) {
            sxy += (x - mx) * (y - my)
            sxx += (x - mx) * (x - mx)
        }
        return sxy / sxx
    }
}
