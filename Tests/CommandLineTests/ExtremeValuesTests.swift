// Columns near the ends of the double range: 1e308 trains and solves (per-column scaling), subnormals are refused
// naming the column; never a LAPACK message, never a bogus stable rate.
import Foundation
import TestSupport
import XCTest
import Engine
import LeastSquares

final class ExtremeValuesTests: XCTestCase {
    private func csv(_ name: String, rows: [(Double, Double)]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).csv").path
        var text = "a,extreme,y\n"
        for (index, (a, extreme)) in rows.enumerated() {
            text += "\(a),\(extreme),\(2 * a + 3 * Double(index % 3))\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func hugeRows() -> [(Double, Double)] {
        var rows: [(Double, Double)] = []
        for i in 0..<60 {
            let a = Double(i % 7) / 7
            let step = Double((i * 13) % 11 - 5)
            rows.append((a, step * 1.5e307))
        }
        return rows
    }

    func testStandardizingAHugeColumnIsTheScaledStatisticsOfItsSmallCopy() {
        // 2¹⁰⁰⁰ × a column: the statistics are 2¹⁰⁰⁰ × the small column's, bit for bit (scale-equivariant).
        let small = (0..<40).map { Double(($0 * 37) % 17) - 8.25 }
        let factor = Double(sign: .plus, exponent: 1000, significand: 1)
        func dataset(_ column: [Double]) -> Dataset {
            Dataset(name: "t", featureNames: ["c"], targetName: "y", x: column, y: column.map { _ in 1 })
        }
        let plain = FeatureScaling(standardizing: dataset(small), centred: true)
        let huge = FeatureScaling(standardizing: dataset(small.map { $0 * factor }), centred: true)
        XCTAssertEqual(huge.shifts[0], plain.shifts[0] * factor)
        XCTAssertEqual(huge.scales[0], plain.scales[0] * factor)
        XCTAssertTrue(huge.inverseScales[0].isFinite && huge.inverseScales[0] > 0)
    }

    func testAColumnOfOrder1e308TrainsAndSolves() throws {
        let path = try csv("huge", rows: hugeRows())
        defer { unlink(path) }
        for method in ["gd", "closed-form"] {
            let outcome = try DescentProcess.run(["fit", path, "--method", method, "--json"])
            XCTAssertEqual(outcome.status, 0, "\(method): \(outcome.stderr)")
            for bad in ["LAPACK", "nan", "dgemqr", "info -"] { XCTAssertFalse((outcome.stdout + outcome.stderr).contains(bad), outcome.stdout) }
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
            let rate = try XCTUnwrap(json["lr_max_stable"] as? Double, "\(json)")
            XCTAssertTrue(rate.isFinite && rate > 0, "bogus stable rate \(rate)")
        }
    }

    func testRawHugeValuesDivergeSayingTheBoundOverflowsNotZero() throws {
        let path = try csv("huge-raw", rows: hugeRows())
        defer { unlink(path) }
        let outcome = try DescentProcess.run(["fit", path, "--no-standardize"])
        XCTAssertEqual(outcome.status, 3, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("below the smallest number (λmax overflows"), outcome.stdout)
        XCTAssertFalse(outcome.stdout.contains("2/λmax = 0"), outcome.stdout)
    }

    func testAColumnOfSubnormalsIsRefusedNamingItAndItsRange() throws {
        var rows: [(Double, Double)] = []
        for i in 0..<40 {
            let step = Double(i % 9 - 4)
            rows.append((Double(i % 5), step * 2 * Double.leastNonzeroMagnitude * 1000))  // about 1e-320, subnormal
        }
        let path = try csv("tiny", rows: rows)
        defer { unlink(path) }
        for method in ["gd", "closed-form"] {
            let outcome = try DescentProcess.run(["fit", path, "--method", method])
            XCTAssertEqual(outcome.status, 1, outcome.stderr)
            let name = URL(fileURLWithPath: path).lastPathComponent
            XCTAssertEqual(outcome.stderr.split(separator: "\n").count, 1, outcome.stderr)
            XCTAssertTrue(outcome.stderr.hasPrefix("descent: \(name): column 'extreme' holds only values within ±"), outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("below 1e-300"), outcome.stderr)
        }
    }

    func testASolverFailureIsNeverALAPACKMessage() {
        let text = LeastSquaresError.lapackFailure(routine: "dgemqr", info: -10).description
        XCTAssertFalse(text.contains("LAPACK") || text.contains("dgemqr") || text.contains("info"), text)
    }
}
