// Every vector level of the C residual passes against a Float80 reference and the baseline, on awkward shapes.
// Covers only the vector levels this CPU has (descent_vector_level_supported()): on a machine without AVX-512
// (or AVX2) those variants are not run here, so run the suite on such a CPU before changing them.
import CKernels
import XCTest
@testable import Engine

final class ResidualPassLevelTests: XCTestCase {
    /// The levels this CPU can run, baseline first.
    private var levels: [descent_vector_level] {
        [DESCENT_VECTOR_BASELINE, DESCENT_VECTOR_AVX2, DESCENT_VECTOR_AVX512]
            .filter { $0.rawValue <= descent_vector_level_supported().rawValue }
    }

    private static let columnCounts = [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 40, 65]
    private static let rowCounts = [1, 2, 3, 5, 8, 17]

    /// Values in [-1, 1) from a seeded generator, so every shape gets fresh but repeatable numbers.
    private func values(_ count: Int, seed: UInt64) -> [Double] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { _ in 2 * random.nextUnit() - 1 }
    }

    private struct Reference {
        var sse: Double
        var gradient: [Double]
        /// Σ of the absolute terms behind each figure: the scale its round-off is measured against.
        var sseScale: Double
        var gradientScale: [Double]
    }

    /// Σr², Σ r·x and Σ r in Float80 over the given rows.
    private func reference(_ design: DesignMatrix, _ w: [Double], _ b: Double, rows: [Int]) -> Reference {
        let d = design.columnCount
        var sse: Float80 = 0, sseScale: Float80 = 0
        var g = [Float80](repeating: 0, count: d + 1), scale = [Float80](repeating: 0, count: d + 1)
        for i in rows {
            var r = Float80(b) - Float80(design.y[i])
            var size = abs(Float80(b)) + abs(Float80(design.y[i]))
            for j in 0..<d {
                r += Float80(design.x[i * d + j]) * Float80(w[j])
                size += abs(Float80(design.x[i * d + j]) * Float80(w[j]))
            }
            sse += r * r
            sseScale += size * size
            for j in 0..<d {
                g[j] += r * Float80(design.x[i * d + j])
                scale[j] += size * abs(Float80(design.x[i * d + j]))
            }
            g[d] += r
            scale[d] += size
        }
        return Reference(
            sse: Double(sse), gradient: g.map { Double($0) }, sseScale: Double(sseScale),
            gradientScale: scale.map { Double($0) })
    }

    private func assertClose(
        _ sse: Double, _ gradient: [Double]?, to expected: Reference, tolerance: Double, _ label: String
    ) {
        XCTAssertEqual(sse, expected.sse, accuracy: tolerance * max(expected.sseScale, 1e-300), "Σr² \(label)")
        guard let gradient else { return }
        for j in gradient.indices {
            XCTAssertEqual(
                gradient[j], expected.gradient[j], accuracy: tolerance * max(expected.gradientScale[j], 1e-300),
                "gradient[\(j)] \(label)")
        }
    }

    func testEveryLevelMatchesFloat80AndBaselineOnAwkwardShapes() {
        for d in Self.columnCounts {
            for n in Self.rowCounts {
                let seed = UInt64(d * 100 + n)
                let design = DesignMatrix(x: values(n * d, seed: seed), y: values(n, seed: seed + 1), columnCount: d)
                let w = values(d, seed: seed + 2), b = 0.375
                let exact = reference(design, w, b, rows: Array(0..<n))
                var baseline = [Double](repeating: .nan, count: d + 1)
                let baselineSSE = design.residualPass(
                    parameters: w, intercept: b, gradient: &baseline, level: DESCENT_VECTOR_BASELINE)
                for level in levels {
                    let label = "level \(level.rawValue), n \(n), d \(d)"
                    var g = [Double](repeating: .nan, count: d + 1)
                    let sse = design.residualPass(parameters: w, intercept: b, gradient: &g, level: level)
                    assertClose(sse, g, to: exact, tolerance: 1e-14 * Double(d + 2), label)
                    XCTAssertEqual(sse, baselineSSE, accuracy: 1e-14 * Double(d + 2) * exact.sseScale, label)
                    for j in 0...d {
                        XCTAssertEqual(g[j], baseline[j], accuracy: 1e-14 * Double(d + 2) * exact.gradientScale[j], label)
                    }
                    // The loss-only pass sums exactly as the fused pass does.
                    let loss = design.sumOfSquaredResiduals(parameters: w, intercept: b, level: level)
                    XCTAssertEqual(loss.bitPattern, sse.bitPattern, label)
                }
            }
        }
    }

    func testIndexedRowsGiveTheBitsOfTheSameRowsStoredContiguously() {
        for d in [1, 3, 8, 9, 32, 33] {
            let n = 50
            let design = DesignMatrix(x: values(n * d, seed: 11), y: values(n, seed: 12), columnCount: d)
            let w = values(d, seed: 13), b = -0.25
            for count in [0, 1, 2, 7, 32] {
                let rows = (0..<count).map { ($0 * 37 + 5) % n }
                // The drawn rows copied into their own contiguous matrix, in the drawn order.
                let gathered = DesignMatrix(
                    x: rows.flatMap { design.x[$0 * d..<($0 + 1) * d] }, y: rows.map { design.y[$0] }, columnCount: d)
                for level in levels {
                    var indexed = [Double](repeating: .nan, count: d + 1), contiguous = indexed
                    let a = design.residualPass(
                        parameters: w, intercept: b, rows: rows[...], gradient: &indexed, level: level)
                    let c = gathered.residualPass(parameters: w, intercept: b, gradient: &contiguous, level: level)
                    let label = "level \(level.rawValue), d \(d), \(count) rows"
                    XCTAssertEqual(a.bitPattern, c.bitPattern, label)
                    XCTAssertEqual(indexed.map(\.bitPattern), contiguous.map(\.bitPattern), label)
                    if count == 0 { XCTAssertEqual(indexed, [Double](repeating: 0, count: d + 1), label) }
                    let exact = reference(design, w, b, rows: rows)
                    assertClose(a, indexed, to: exact, tolerance: 1e-14 * Double(d + 2), label)
                }
            }
        }
    }

    func testIdentityIndicesGiveTheBitsOfTheSequentialPass() {
        let d = 7, n = 41
        let design = DesignMatrix(x: values(n * d, seed: 21), y: values(n, seed: 22), columnCount: d)
        let w = values(d, seed: 23)
        for level in levels {
            var all = [Double](repeating: 0, count: d + 1), listed = all
            let s1 = design.residualPass(parameters: w, intercept: 0.5, gradient: &all, level: level)
            let s2 = design.residualPass(
                parameters: w, intercept: 0.5, rows: Array(0..<n)[...], lookahead: [3, 1], gradient: &listed, level: level)
            XCTAssertEqual(s1.bitPattern, s2.bitPattern)
            XCTAssertEqual(all.map(\.bitPattern), listed.map(\.bitPattern))
        }
    }

    func testTwoThreadSplitAtEveryLevelMatchesFloat80AndRepeats() {
        for d in [3, 32, 33] {
            let n = DesignMatrix.parallelThreshold / d + 3  // odd halves on purpose for some d
            let design = DesignMatrix(x: values(n * d, seed: 31), y: values(n, seed: 32), columnCount: d)
            let w = values(d, seed: 33), b = 0.125
            let exact = reference(design, w, b, rows: Array(0..<n))
            let drawn = (0..<n).map { ($0 * 7919) % n }
            let exactDrawn = reference(design, w, b, rows: drawn)
            for level in levels {
                let label = "level \(level.rawValue), d \(d)"
                var g1 = [Double](repeating: .nan, count: d + 1), g2 = g1, g3 = g1
                let s1 = design.residualPass(parameters: w, intercept: b, gradient: &g1, level: level)
                let s2 = design.residualPass(parameters: w, intercept: b, gradient: &g2, level: level)
                XCTAssertEqual(s1.bitPattern, s2.bitPattern, label)
                XCTAssertEqual(g1.map(\.bitPattern), g2.map(\.bitPattern), label)
                assertClose(s1, g1, to: exact, tolerance: 1e-13, label)
                XCTAssertEqual(
                    design.sumOfSquaredResiduals(parameters: w, intercept: b, level: level).bitPattern, s1.bitPattern, label)
                let s3 = design.residualPass(parameters: w, intercept: b, rows: drawn[...], gradient: &g3, level: level)
                assertClose(s3, g3, to: exactDrawn, tolerance: 1e-13, label)
            }
        }
    }

    func testAnEmptyDesignHasNoLossAndNoGradient() {
        let design = DesignMatrix(x: [], y: [], columnCount: 3)
        var g = [Double](repeating: .nan, count: 4)
        XCTAssertEqual(design.residualPass(parameters: [1, 2, 3], intercept: 1, gradient: &g), 0)
        XCTAssertEqual(g, [0, 0, 0, 0])
        XCTAssertEqual(design.sumOfSquaredResiduals(parameters: [1, 2, 3], intercept: 1), 0)
    }
}
