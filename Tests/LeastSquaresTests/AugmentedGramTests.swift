// The Gram kernel at every vector level the CPU supports: against a Float80 sum and against the baseline.
// Covers only the vector levels this CPU has (descent_vector_level_supported()): on a machine without AVX-512
// (or AVX2) those variants are not run here, so run the suite on such a CPU before changing them.
import CKernels
@testable import LeastSquares
import XCTest

final class AugmentedGramTests: XCTestCase {
    /// Baseline up to the best level this CPU runs, whatever DESCENT_VECTOR_LEVEL says.
    let levels = (0...descent_vector_level_supported().rawValue).map { descent_vector_level(rawValue: $0) }
    /// Orders d + 2 from 2 to 9 and around the AVX-512 lane count (33, 34, 35); rows odd, fewer than a
    /// vector, not a multiple of the 64-row panel or the 1,024-row block, and across blocks.
    let columnCounts = [0, 1, 2, 3, 4, 5, 6, 7, 31, 32, 33]
    let rowCounts = [1, 3, 7, 65, 1025, 2113]

    /// Rows x with column offsets (so the shift matters) and a target, reproducible.
    func data(rows n: Int, columns d: Int, seed: UInt64) -> (x: [Double], y: [Double]) {
        var numbers = ReferenceAlgebra.Numbers(state: seed)
        let x = (0..<(n * d)).map { Double($0 % max(d, 1) + 1) * 100 + numbers.next() * 3 }
        let y = (0..<n).map { _ in 50 + numbers.next() * 7 }
        return (x, y)
    }

    /// Σ aᵢaᵢᵀ and Σ|aᵢ||aᵢ|ᵀ in Float80 for a = [x − s, 1, y − t], with the shifted values rounded to Double
    /// as the kernel rounds them, so only the sums' rounding separates the two.
    func reference(x: [Double], y: [Double], rows n: Int, shift: [Double]) -> (sums: [Float80], sizes: [Float80]) {
        let d = n == 0 ? 0 : x.count / n, m = d + 2
        var sums = [Float80](repeating: 0, count: m * m), sizes = sums
        for i in 0..<n {
            var a = (0..<d).map { Float80(x[i * d + $0] - shift[$0]) }
            a.append(1)
            a.append(y.isEmpty ? 0 : Float80(y[i] - shift[d + 1]))
            for j in 0..<m {
                for k in 0..<m {
                    sums[j * m + k] += a[j] * a[k]
                    sizes[j * m + k] += abs(a[j] * a[k])
                }
            }
        }
        return (sums, sizes)
    }

    func testEveryLevelMatchesAFloat80SumOnAwkwardShapes() throws {
        XCTAssertGreaterThanOrEqual(levels.count, 1)
        for d in columnCounts {
            for n in rowCounts {
                let (x, y) = data(rows: n, columns: d, seed: UInt64(7 * d + n))
                for shifted in [true, false] {
                    let target = shifted || n % 2 == 0 ? y : []
                    let partition = RowPartition(rowCount: n, minimumRows: d)
                    var expected: (sums: [Float80], sizes: [Float80])?
                    for level in levels {
                        let gram = try AugmentedGram(
                            matrix: x, target: target, rowCount: n, partition: partition, shifted: shifted, level: level)
                        let m = d + 2
                        XCTAssertEqual(gram.entries.count, m * m)
                        let reference = expected ?? self.reference(x: x, y: target, rows: n, shift: gram.shift)
                        expected = reference
                        for e in 0..<(m * m) {
                            let tolerance = 1e-13 * Double(reference.sizes[e])
                            XCTAssertEqual(
                                gram.entries[e], Double(reference.sums[e]), accuracy: tolerance,
                                "level \(level.rawValue) d \(d) n \(n) shifted \(shifted) entry \(e / m),\(e % m)")
                        }
                    }
                }
            }
        }
    }

    func testEveryLevelAgreesWithTheBaselineAndRepeatsItsBits() throws {
        let n = 4099
        for d in columnCounts {
            let (x, y) = data(rows: n, columns: d, seed: UInt64(d + 1))
            let partition = RowPartition(rowCount: n, minimumRows: d)
            let baseline = try AugmentedGram(
                matrix: x, target: y, rowCount: n, partition: partition, level: DESCENT_VECTOR_BASELINE)
            let sizes = reference(x: x, y: y, rows: n, shift: baseline.shift).sizes
            for level in levels {
                let first = try AugmentedGram(matrix: x, target: y, rowCount: n, partition: partition, level: level)
                let second = try AugmentedGram(matrix: x, target: y, rowCount: n, partition: partition, level: level)
                XCTAssertEqual(first.entries, second.entries, "level \(level.rawValue) d \(d)")
                XCTAssertEqual(first.shift, baseline.shift)
                for e in first.entries.indices {
                    XCTAssertEqual(
                        first.entries[e], baseline.entries[e], accuracy: 1e-14 * Double(sizes[e]),
                        "level \(level.rawValue) d \(d) entry \(e)")
                }
            }
        }
    }

    func testTwoPartsAddUpToTheWholeAndNoRowsGiveZero() throws {
        // Two parts of 65,536+ rows each: the two-thread path, checked against one part.
        let n = 140_001, d = 3
        let (x, y) = data(rows: n, columns: d, seed: 5)
        let two = RowPartition(rowCount: n, minimumRows: d, workers: 2)
        let one = RowPartition(rowCount: n, minimumRows: d, workers: 1)
        XCTAssertEqual(two.ranges.count, 2)
        for level in levels {
            let split = try AugmentedGram(matrix: x, target: y, rowCount: n, partition: two, level: level)
            let whole = try AugmentedGram(matrix: x, target: y, rowCount: n, partition: one, level: level)
            for e in split.entries.indices {
                XCTAssertEqual(split.entries[e], whole.entries[e], accuracy: 1e-12 * max(abs(whole.entries[e]), 1))
            }
            XCTAssertEqual(split.entries[(d + 2) * d + d], Double(n))  // the ones column's square counts the rows
            var empty = [Double](repeating: .nan, count: (d + 2) * (d + 2))
            let shift = [Double](repeating: 1, count: d + 2)
            XCTAssertEqual(descent_gram_at_level(level, nil, nil, 0, d, shift, &empty), 0)
            XCTAssertEqual(empty, [Double](repeating: 0, count: (d + 2) * (d + 2)))
        }
    }
}
