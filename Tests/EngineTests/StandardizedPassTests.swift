// Standardizing on the fly: the passes equal passes over a materialized scaled copy, and no copy is kept.
// Covers only the vector levels this CPU has (descent_vector_level_supported()): on a machine without AVX-512
// (or AVX2) those variants are not run here, so run the suite on such a CPU before changing them.
import CKernels
import XCTest
@testable import Engine

final class StandardizedPassTests: XCTestCase {
    /// The levels this CPU can run, baseline first.
    private var levels: [descent_vector_level] {
        [DESCENT_VECTOR_BASELINE, DESCENT_VECTOR_AVX2, DESCENT_VECTOR_AVX512]
            .filter { $0.rawValue <= descent_vector_level_supported().rawValue }
    }

    /// n rows of d features with offsets up to 10⁶ and spreads from 10⁻³ to 10³ (so shifts and scales matter), and
    /// a target.
    private func data(rows n: Int, features d: Int, seed: UInt64) -> Dataset {
        var random = SeededGenerator(seed: seed)
        let offsets = (0..<d).map { j in Double(j % 3 == 0 ? 1_000_000 : -17 * j) }
        let spreads = (0..<d).map { j in pow(10, Double(j % 7) - 3) }
        var x = [Double](repeating: 0, count: n * d)
        for i in 0..<n { for j in 0..<d { x[i * d + j] = offsets[j] + spreads[j] * (2 * random.nextUnit() - 1) } }
        let y = (0..<n).map { _ in 2 * random.nextUnit() - 1 }
        return Dataset(
            name: "scaled", featureNames: (0..<d).map { "x\($0)" }, targetName: "y", x: x, y: y)
    }

    private func values(_ count: Int, seed: UInt64) -> [Double] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { _ in 2 * random.nextUnit() - 1 }
    }

    /// The on-the-fly design and the design over `FeatureScaling.apply`'s copy, for centred and uncentred scaling.
    private func designs(_ data: Dataset, centred: Bool) -> (onTheFly: DesignMatrix, copied: DesignMatrix) {
        let scaling = FeatureScaling(standardizing: data, centred: centred)
        XCTAssertNotEqual(scaling, .identity(data.featureCount))
        let onTheFly = DesignMatrix(x: data.x, y: data.y, columnCount: data.featureCount, scaling: scaling)
        let copied = DesignMatrix(x: scaling.apply(to: data), y: data.y, columnCount: data.featureCount)
        XCTAssertNil(copied.scaling)
        return (onTheFly, copied)
    }

    func testEveryLevelGivesTheBitsOfThePassOverAScaledCopy() {
        for d in [1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 40] {
            for n in [1, 2, 3, 5, 17] {
                for centred in [true, false] {
                    let (onTheFly, copied) = designs(data(rows: n, features: d, seed: UInt64(d * 31 + n)), centred: centred)
                    let w = values(d, seed: UInt64(d + 7)), b = 0.625
                    let rows = (0..<(2 * n + 1)).map { ($0 * 7 + 3) % n }
                    for level in levels {
                        let label = "level \(level.rawValue), n \(n), d \(d), centred \(centred)"
                        var g1 = [Double](repeating: .nan, count: d + 1), g2 = g1, g3 = g1, g4 = g1
                        let s1 = onTheFly.residualPass(parameters: w, intercept: b, gradient: &g1, level: level)
                        let s2 = copied.residualPass(parameters: w, intercept: b, gradient: &g2, level: level)
                        XCTAssertEqual(s1.bitPattern, s2.bitPattern, label)
                        XCTAssertEqual(g1.map(\.bitPattern), g2.map(\.bitPattern), label)
                        XCTAssertTrue(s1.isFinite && g1.allSatisfy(\.isFinite), label)
                        let l1 = onTheFly.sumOfSquaredResiduals(parameters: w, intercept: b, level: level)
                        let l2 = copied.sumOfSquaredResiduals(parameters: w, intercept: b, level: level)
                        XCTAssertEqual(l1.bitPattern, l2.bitPattern, "loss-only, " + label)
                        let i1 = onTheFly.residualPass(parameters: w, intercept: b, rows: rows[...], gradient: &g3, level: level)
                        let i2 = copied.residualPass(parameters: w, intercept: b, rows: rows[...], gradient: &g4, level: level)
                        XCTAssertEqual(i1.bitPattern, i2.bitPattern, "indexed, " + label)
                        XCTAssertEqual(g3.map(\.bitPattern), g4.map(\.bitPattern), "indexed, " + label)
                    }
                }
            }
        }
    }

    func testTwoThreadAndMiniBatchPassesGiveTheBitsOfTheScaledCopy() {
        for d in [3, 32, 33] {
            let n = DesignMatrix.parallelThreshold / d + 3
            let (onTheFly, copied) = designs(data(rows: n, features: d, seed: UInt64(d)), centred: true)
            let w = values(d, seed: 5), b = -0.5
            var g1 = [Double](repeating: .nan, count: d + 1), g2 = g1
            XCTAssertEqual(
                onTheFly.residualPass(parameters: w, intercept: b, gradient: &g1).bitPattern,
                copied.residualPass(parameters: w, intercept: b, gradient: &g2).bitPattern, "d \(d)")
            XCTAssertEqual(g1.map(\.bitPattern), g2.map(\.bitPattern), "d \(d)")
            XCTAssertEqual(
                onTheFly.sumOfSquaredResiduals(parameters: w, intercept: b).bitPattern,
                copied.sumOfSquaredResiduals(parameters: w, intercept: b).bitPattern, "d \(d)")
            let order = (0..<n).map { ($0 * 7919) % n }
            let a = onTheFly.residualPass(
                parameters: w, intercept: b, order: order, batch: 100..<132, lookahead: 132..<196, gradient: &g1)
            let c = copied.residualPass(
                parameters: w, intercept: b, order: order, batch: 100..<132, lookahead: 132..<196, gradient: &g2)
            XCTAssertEqual(a.bitPattern, c.bitPattern, "mini-batch, d \(d)")
            XCTAssertEqual(g1.map(\.bitPattern), g2.map(\.bitPattern), "mini-batch, d \(d)")
        }
    }

    func testValuesReadOneAtATimeAreTheScaledCopysValues() {
        let data = data(rows: 9, features: 5, seed: 3)
        let (onTheFly, copied) = designs(data, centred: true)
        for i in 0..<9 {
            for j in 0..<5 {
                XCTAssertEqual(onTheFly.value(row: i, column: j).bitPattern, copied.x[i * 5 + j].bitPattern)
                XCTAssertEqual(copied.value(row: i, column: j).bitPattern, copied.x[i * 5 + j].bitPattern)
            }
        }
    }

    func testTheScaledGramMatchesTheGramOfTheScaledCopy() {
        for (d, centred) in [(1, true), (4, false), (9, true), (33, true)] {
            let (onTheFly, copied) = designs(data(rows: 200, features: d, seed: UInt64(d + 40)), centred: centred)
            for withOnes in [true, false] {
                let scaled = onTheFly.gram(withOnes: withOnes), plain = copied.gram(withOnes: withOnes)
                XCTAssertEqual(scaled.count, plain.count)
                // Every standardized column has Σz² = n: the entries are at most n in size.
                for e in scaled.indices {
                    XCTAssertEqual(scaled[e], plain[e], accuracy: 1e-9 * 200, "d \(d), entry \(e)")
                }
                let order = d + (withOnes ? 1 : 0)
                for j in 0..<order { for k in 0..<order { XCTAssertEqual(scaled[j * order + k], scaled[k * order + j]) } }
            }
        }
    }

    func testAStandardizedRunSharesTheDataSetsStorage() throws {
        let data = data(rows: 50, features: 4, seed: 8)
        let test = self.data(rows: 10, features: 4, seed: 9)
        var run = TrainingRun(train: data, test: test, hyperparameters: .init(method: .gd, learningRate: 0.1))
        XCTAssertTrue(run.standardized)
        func assertShares(_ label: String) {
            let design = run.trainingDesign
            XCTAssertEqual(
                design.x.withUnsafeBufferPointer { $0.baseAddress },
                run.train.x.withUnsafeBufferPointer { $0.baseAddress }, label)
            XCTAssertEqual(
                design.x.withUnsafeBufferPointer { $0.baseAddress },
                data.x.withUnsafeBufferPointer { $0.baseAddress }, label)
        }
        assertShares("standardized")
        XCTAssertEqual(run.trainingDesign.scaling, FeatureScaling(standardizing: data, centred: true))
        run.takeStep()
        run.setStandardized(false)
        assertShares("raw")
        XCTAssertNil(run.trainingDesign.scaling)
        run.setStandardized(true)
        assertShares("standardized again")
        // The test rows are read through the training set's scaling, from the test set's own storage.
        let metrics = try XCTUnwrap(run.testMetrics())
        let scaling = FeatureScaling(standardizing: data, centred: true)
        let copy = DesignMatrix(x: scaling.apply(to: test), y: test.y, columnCount: 4)
        let parameters = run.trainingParameters
        let copied = copy.sumOfSquaredResiduals(parameters: parameters, intercept: parameters[4]) / Double(test.rowCount)
        XCTAssertEqual(metrics.meanSquaredError.bitPattern, copied.bitPattern)
    }

    func testTheScaledCopyIsTheSubtractionThenTheMultiplicationByTheInverse() {
        let data = data(rows: 6, features: 3, seed: 12)
        let scaling = FeatureScaling(standardizing: data, centred: true)
        let copy = scaling.apply(to: data)
        for k in copy.indices {
            let j = k % 3
            XCTAssertEqual(copy[k].bitPattern, ((data.x[k] - scaling.shifts[j]) * (1 / scaling.scales[j])).bitPattern)
        }
        XCTAssertEqual(scaling.inverseScales, scaling.scales.map { 1 / $0 })
    }
}
