// λmax and κ of AᵀA + ρP from LAPACK, tall and wide, against numpy's eigvalsh (a committed reference).
import Foundation
import XCTest
@testable import LeastSquares

final class HessianSpectrumTests: XCTestCase {
    private struct Reference: Decodable {
        struct Case: Decodable {
            var rows: Int, columns: Int, onesLast: Bool, penalty: Double, largest: Double, kappa: Double?
        }
        var cases: [Case]
    }

    /// The design of make_reference.py, row-major, exact in binary.
    private func design(rows n: Int, columns m: Int, onesLast: Bool) -> [Double] {
        let d = onesLast ? m - 1 : m
        var a = [Double](repeating: 1, count: n * m)
        for i in 0..<n {
            for j in 0..<d { a[i * m + j] = Double((i * 31 + j * 17 + (i * j) % 13) % 101) / 101 - 0.5 }
        }
        return a
    }

    private func gram(_ a: [Double], rows n: Int, columns m: Int) -> [Double] {
        var g = [Double](repeating: 0, count: m * m)
        for i in 0..<n {
            for j in 0..<m {
                for k in 0..<m { g[j * m + k] += a[i * m + j] * a[i * m + k] }
            }
        }
        return g
    }

    func testLargestEigenvalueAndKappaMatchNumpyTallAndWide() throws {
        let url = Bundle.module.url(forResource: "Spectrum", withExtension: nil)!.appendingPathComponent("reference.json")
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        XCTAssertEqual(reference.cases.count, 5)
        for item in reference.cases {
            let a = design(rows: item.rows, columns: item.columns, onesLast: item.onesLast)
            var spectra = [
                HessianSpectrum(gram: gram(a, rows: item.rows, columns: item.columns), order: item.columns, onesLast: item.onesLast)
            ]
            if item.rows < item.columns {
                spectra.append(HessianSpectrum(rowMajorDesign: a, rows: item.rows, columns: item.columns, onesLast: item.onesLast))
            }
            for (index, spectrum) in spectra.enumerated() {
                let label = "\(item.rows)×\(item.columns) ones \(item.onesLast) ρ \(item.penalty) \(index == 0 ? "AᵀA" : "A·Aᵀ")"
                let largest = try XCTUnwrap(spectrum.largestEigenvalue(penalty: item.penalty), label)
                XCTAssertEqual(largest, item.largest, accuracy: 1e-12 * item.largest, label)
                let kappa = try XCTUnwrap(spectrum.conditionNumber(penalty: item.penalty), label)
                if let expected = item.kappa {
                    XCTAssertEqual(kappa, expected, accuracy: 1e-9 * expected, label)
                } else {
                    XCTAssertEqual(kappa, .infinity, label)
                }
            }
        }
    }

    func testNonFiniteEntriesGiveNil() {
        let spectrum = HessianSpectrum(gram: [1, .infinity, .infinity, 1], order: 2, onesLast: false)
        XCTAssertNil(spectrum.largestEigenvalue(penalty: 0))
        XCTAssertNil(spectrum.conditionNumber(penalty: 0))
    }
}
