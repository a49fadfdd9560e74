// Built-in data sets, polynomial expansion, the seeded split and standardization.
import XCTest
@testable import Engine

final class DataSpecificationTests: XCTestCase {
    func testBuiltinDataSetsLoad() throws {
        let line = try DataSpecification().load()
        XCTAssertEqual(line.train.rowCount, 100)
        XCTAssertEqual(line.train.featureNames, ["x"])
        let diabetes = try DataSpecification(source: .builtin(.diabetes)).load()
        XCTAssertEqual(diabetes.train.rowCount, 442)
        XCTAssertEqual(diabetes.train.featureCount, 10)
        XCTAssertEqual(diabetes.train.targetName, "progression")
        let longley = try DataSpecification(source: .builtin(.longley)).load()
        XCTAssertEqual(longley.train.rowCount, 16)
        XCTAssertEqual(longley.train.featureNames, ["x1", "x2", "x3", "x4", "x5", "x6"])
        XCTAssertEqual(longley.train.y.first, 60323)
    }

    func testGeneratedDataIsSeeded() throws {
        let spec = DataSpecification(source: .builtin(.synthetic), synthetic: .init(rows: 50, features: 3), seed: 9)
        XCTAssertEqual(try spec.load().train.x, try spec.load().train.x)
        var other = spec
        other.seed = 10
        XCTAssertNotEqual(try spec.load().train.x, try other.load().train.x)
    }

    func testSyntheticConditionNumberKnob() throws {
        // κ(X) of a centred Gaussian design ≈ the knob; check the spread of column scales after the rotation
        // through the Gram matrix's eigenvalue range (λmax/λmin = κ²), loosely.
        for kappa in [1.0, 100.0] {
            let data = try BuiltinDataset.synthetic.make(.init(rows: 4000, features: 3, conditionNumber: kappa), seed: 1)
            let design = DesignMatrix(x: data.x, y: data.y, columnCount: 3)
            let bound = StabilityBound(design: design, fitIntercept: false)
            let largest = bound.largestEigenvalue(l2: 0)
            XCTAssertEqual(largest, 2, accuracy: 0.3, "the largest direction keeps unit variance (κ \(kappa))")
        }
    }

    func testPolynomialExpansionNamesAndOrder() throws {
        let data = Dataset(name: "t", featureNames: ["a", "b"], targetName: "y", x: [2, 3, 4, 5], y: [0, 1])
        let expanded = data.polynomial(degree: 3)
        XCTAssertEqual(expanded.featureNames, ["a", "a^2", "a^3", "b", "b^2", "b^3"])
        XCTAssertEqual(expanded.x, [2, 4, 8, 3, 9, 27, 4, 16, 64, 5, 25, 125])
        XCTAssertEqual(expanded.polynomialBase?.degree, 3)
    }

    func testSplitIsSeededDisjointAndComplete() throws {
        let spec = DataSpecification(testFraction: 0.25, seed: 4)
        let a = try spec.load(), b = try spec.load()
        XCTAssertEqual(a.train.rowCount, 75)
        XCTAssertEqual(a.test?.rowCount, 25)
        XCTAssertEqual(a.test?.y, b.test?.y)
        let all = try DataSpecification(seed: 4).load().train
        XCTAssertEqual(Set(a.train.y + a.test!.y), Set(all.y))
    }

    func testStandardizationRoundTripsWeights() throws {
        let data = try wellConditioned(rows: 100, features: 3)
        let scaling = FeatureScaling(standardizing: data, centred: true)
        let z = scaling.apply(to: data)
        for j in 0..<3 {
            let column = stride(from: j, to: z.count, by: 3).map { z[$0] }
            let mean = column.reduce(0, +) / 100
            let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 100
            XCTAssertEqual(mean, 0, accuracy: 1e-12)
            XCTAssertEqual(variance, 1, accuracy: 1e-12)
        }
        let w = [0.5, -2.0, 3.0]
        let scaled = scaling.toScaledUnits(weights: w, intercept: 1.5)
        let back = scaling.toDataUnits(weights: scaled.weights, intercept: scaled.intercept)
        for j in 0..<3 { XCTAssertEqual(back.weights[j], w[j], accuracy: 1e-12) }
        XCTAssertEqual(back.intercept, 1.5, accuracy: 1e-12)
    }

    func testBadOptionsNameTheOption() throws {
        XCTAssertThrowsError(try DataSpecification(polynomialDegree: 0).load()) { XCTAssertTrue("\($0)".hasPrefix("--poly: ")) }
        XCTAssertThrowsError(try DataSpecification(testFraction: 1).load()) { XCTAssertTrue("\($0)".hasPrefix("--test-fraction: ")) }
        XCTAssertThrowsError(try DataSpecification(synthetic: .init(rows: 1)).load()) { XCTAssertTrue("\($0)".hasPrefix("--rows: ")) }
        XCTAssertThrowsError(try DataSpecification(source: .builtin(.diabetes), target: "nope").load()) {
            XCTAssertTrue("\($0)".contains("--target 'nope'"), "\($0)")
        }
    }
}
