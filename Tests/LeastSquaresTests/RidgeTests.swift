// Ridge: the solver's answer matches the penalised closed form, intercept unpenalised.
import LeastSquares
import XCTest

final class RidgeTests: XCTestCase {
    func randomProblem(seed: UInt64, n: Int, d: Int) -> (rows: [[Double]], y: [Double]) {
        var numbers = ReferenceAlgebra.Numbers(state: seed)
        let rows = (0..<n).map { _ in (0..<d).map { j in numbers.next() * Double(j + 1) + Double(j) } }
        let y = rows.map { row in row.enumerated().reduce(3.0) { $0 + $1.element * Double($1.offset - 1) } + numbers.next() }
        return (rows, y)
    }

    func testRidgeWithInterceptMatchesClosedForm() throws {
        let (rows, y) = randomProblem(seed: 5, n: 60, d: 4)
        let alpha = 3.7
        let solution = try ClosedFormSolver.solve(
            LeastSquaresProblem(rowCount: 60, columns: .matrix(rows.flatMap { $0 }), target: y, l2: alpha))
        let c = ReferenceAlgebra.centred(rows, y, centre: true)
        let w = ReferenceAlgebra.ridge(c.x, c.y, alpha: Float80(alpha))
        for j in 0..<4 {
            XCTAssertEqual(solution.coefficients[j], Double(w[j]), accuracy: 1e-12 * max(1, abs(Double(w[j]))))
        }
        let b = c.yMean - (0..<4).reduce(Float80(0)) { $0 + c.means[$1] * w[$1] }
        XCTAssertEqual(solution.intercept!, Double(b), accuracy: 1e-12 * max(1, abs(Double(b))))
        // The penalty really acts: the OLS answer differs.
        let ols = try ClosedFormSolver.solve(
            LeastSquaresProblem(rowCount: 60, columns: .matrix(rows.flatMap { $0 }), target: y))
        XCTAssertGreaterThan(abs(ols.coefficients[0] - solution.coefficients[0]), 1e-4)
        // The textbook answer is solved with the same penalty.
        XCTAssertLessThan(solution.normalEquationRelativeDistance!, 1e-8)
    }

    func testRidgeWithoutInterceptAndCollinearColumnsMatchesClosedForm() throws {
        var (rows, y) = randomProblem(seed: 9, n: 30, d: 3)
        rows = rows.map { $0 + [$0[0] * 2 - $0[1]] }
        let alpha = 0.25
        let solution = try ClosedFormSolver.solve(LeastSquaresProblem(
            rowCount: 30, columns: .matrix(rows.flatMap { $0 }), target: y, fitIntercept: false, l2: alpha))
        let c = ReferenceAlgebra.centred(rows, y, centre: false)
        let w = ReferenceAlgebra.ridge(c.x, c.y, alpha: Float80(alpha))
        for j in 0..<4 {
            XCTAssertEqual(solution.coefficients[j], Double(w[j]), accuracy: 1e-11 * max(1, abs(Double(w[j]))))
        }
        XCTAssertEqual(solution.rank, 3)
        XCTAssertFalse(solution.collinearColumns.isEmpty)
    }
}
