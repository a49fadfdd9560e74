// The Gram spectrum: LAPACK's eigenvalues of AᵀA and the condition number of A, against known answers.
import XCTest
@testable import LeastSquares

final class GramSpectrumTests: XCTestCase {
    func testEigenvaluesOfAKnownMatrixAscending() throws {
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3.
        let spectrum = try XCTUnwrap(GramSpectrum(gram: [2, 1, 1, 2], order: 2))
        XCTAssertEqual(spectrum.eigenvalues[0], 1, accuracy: 1e-14)
        XCTAssertEqual(spectrum.eigenvalues[1], 3, accuracy: 1e-14)
        XCTAssertEqual(spectrum.conditionNumber, 3.0.squareRoot(), accuracy: 1e-14)
    }

    func testConditionNumberMatchesTheSingularValuesOfA() throws {
        // A = diag(100, 1) stacked on a zero row: σ = 100 and 1, so κ(A) = 100 and AᵀA = diag(1e4, 1).
        let a: [Double] = [100, 0, 0, 1, 0, 0]  // row-major 3 × 2
        var gram = [Double](repeating: 0, count: 4)
        for i in 0..<3 { for j in 0..<2 { for k in 0..<2 { gram[j * 2 + k] += a[i * 2 + j] * a[i * 2 + k] } } }
        let spectrum = try XCTUnwrap(GramSpectrum(gram: gram, order: 2))
        XCTAssertEqual(spectrum.conditionNumber, 100, accuracy: 1e-10)
    }

    func testRankDeficientIsInfiniteAndBadInputIsNil() throws {
        // Two equal columns: AᵀA = [[1, 1], [1, 1]] is singular.
        XCTAssertEqual(try XCTUnwrap(GramSpectrum(gram: [1, 1, 1, 1], order: 2)).conditionNumber, .infinity)
        XCTAssertNil(GramSpectrum(gram: [1, .nan, .nan, 1], order: 2))
        XCTAssertNil(GramSpectrum(gram: [1, 2, 3], order: 2))
    }
}
