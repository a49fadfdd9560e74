// The fused pass's gradient against central finite differences, and its loss against a direct sum.
import XCTest
@testable import Engine

final class GradientTests: XCTestCase {
    private func loss(_ design: DesignMatrix, _ p: [Double]) -> Double {
        let d = design.columnCount
        return design.sumOfSquaredResiduals(parameters: Array(p[0..<d]), intercept: p[d]) / Double(design.rowCount)
    }

    func testGradientMatchesCentralDifferences() throws {
        let data = try wellConditioned(rows: 50, features: 4)
        let design = DesignMatrix(x: data.x, y: data.y, columnCount: 4)
        let p: [Double] = [0.3, -1.2, 0.7, 2.0, 0.5]
        var g = [Double](repeating: 0, count: 5)
        _ = design.residualPass(parameters: Array(p[0..<4]), intercept: p[4], gradient: &g)
        let analytic = g.map { $0 * 2 / 50 }
        for j in 0..<5 {
            let h = 1e-5
            var plus = p, minus = p
            plus[j] += h
            minus[j] -= h
            let numeric = (loss(design, plus) - loss(design, minus)) / (2 * h)
            XCTAssertEqual(analytic[j], numeric, accuracy: 1e-6 * max(1, abs(numeric)), "component \(j)")
        }
    }

    func testMiniBatchGradientUsesOnlyItsRows() throws {
        let data = try wellConditioned(rows: 40, features: 2)
        let design = DesignMatrix(x: data.x, y: data.y, columnCount: 2)
        let rows: [Int] = [3, 17, 25]
        var g = [Double](repeating: 0, count: 3)
        let sse = design.residualPass(parameters: [1, -1], intercept: 0.5, rows: rows[...], gradient: &g)
        let subset = data.rows(rows)
        var expected = [0.0, 0.0, 0.0], expectedSSE = 0.0
        for i in 0..<3 {
            let x0: Double = subset.x[2 * i], x1: Double = subset.x[2 * i + 1]
            let r: Double = x0 - x1 + 0.5 - subset.y[i]
            expectedSSE += r * r
            expected[0] += r * x0
            expected[1] += r * x1
            expected[2] += r
        }
        XCTAssertEqual(sse, expectedSSE, accuracy: 1e-12 * expectedSSE)
        for j in 0..<3 { XCTAssertEqual(g[j], expected[j], accuracy: 1e-12 * max(1, abs(expected[j]))) }
    }

    func testTwoThreadPassAgreesWithDirectSumAndRepeatsBitForBit() throws {
        // Large enough to cross the parallel threshold.
        let data = try BuiltinDataset.synthetic.make(SyntheticParameters(rows: 40_000, features: 8, noise: 1), seed: 3)
        XCTAssertGreaterThanOrEqual(data.rowCount * data.featureCount, DesignMatrix.parallelThreshold)
        let design = DesignMatrix(x: data.x, y: data.y, columnCount: 8)
        let w = (0..<8).map { Double($0) * 0.1 - 0.3 }
        var g1 = [Double](repeating: 0, count: 9), g2 = g1
        let s1 = design.residualPass(parameters: w, intercept: 0.2, gradient: &g1)
        let s2 = design.residualPass(parameters: w, intercept: 0.2, gradient: &g2)
        XCTAssertEqual(s1.bitPattern, s2.bitPattern)
        XCTAssertEqual(g1.map(\.bitPattern), g2.map(\.bitPattern))
        let reference = referenceLoss(data, weights: w, intercept: 0.2) * Double(data.rowCount)
        XCTAssertEqual(s1, reference, accuracy: 1e-10 * reference)
        XCTAssertEqual(design.sumOfSquaredResiduals(parameters: w, intercept: 0.2), reference, accuracy: 1e-10 * reference)
    }
}
