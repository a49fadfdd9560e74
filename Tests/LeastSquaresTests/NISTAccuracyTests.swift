// The NIST StRD accuracy suite: every parameter, residual SD and R² to at least 10 digits; prints the table.
import Foundation
import LeastSquares
import XCTest

final class NISTAccuracyTests: XCTestCase {
    func testEveryDataSetHasAtLeastTenCorrectDigits() throws {
        var lines = [String]()
        lines.append("data set   n   p  min LRE(params)  LRE(res SD)  LRE(R²)  normal-eq. rel. distance")
        for name in NISTDataSet.names {
            let data = try NISTDataSet(named: name)
            let solution = try ClosedFormSolver.solve(data.problem)
            let estimates = (solution.intercept.map { [$0] } ?? []) + solution.coefficients
            XCTAssertEqual(estimates.count, data.certifiedParameters.count, name)
            let parameterLREs = zip(estimates, data.certifiedParameters).map { logRelativeError($0, certified: $1) }
            let residualLRE = logRelativeError(solution.residualStandardDeviation, certified: data.certifiedResidualSD)
            let rSquaredLRE = logRelativeError(solution.rSquared, certified: data.certifiedRSquared)
            let minimum = min(parameterLREs.min() ?? 0, residualLRE, rSquaredLRE)
            XCTAssertGreaterThanOrEqual(minimum, 10, "\(name): parameter LREs \(parameterLREs), res SD \(residualLRE), R² \(rSquaredLRE)")
            XCTAssertEqual(solution.rank, data.certifiedParameters.count - (data.intercept ? 1 : 0), name)
            let distance = solution.normalEquationRelativeDistance.map { String(format: "%.1e", $0) } ?? "failed"
            lines.append(
                name.padding(toLength: 9, withPad: " ", startingAt: 0)
                    + String(format: "%4d %3d %16.1f %12.1f %8.1f  ", data.target.count, data.certifiedParameters.count,
                             parameterLREs.min() ?? 0, residualLRE, rSquaredLRE)
                    + distance)
        }
        print(lines.joined(separator: "\n"))
    }
}
