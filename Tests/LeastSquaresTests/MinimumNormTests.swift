// Rank-deficient and wide problems: the minimum-norm answer (intercept outside the norm), rank and warnings.
import LeastSquares
import XCTest

final class MinimumNormTests: XCTestCase {
    func assertClose(_ a: Double, _ b: Double, _ tolerance: Double, _ message: String = "", line: UInt = #line) {
        XCTAssertLessThanOrEqual(abs(a - b), tolerance * max(1, abs(b)), "\(a) vs \(b) \(message)", line: line)
    }

    func testDuplicatedColumnSplitsTheWeightByMinimumNorm() throws {
        var numbers = ReferenceAlgebra.Numbers(state: 7)
        let n = 40
        var rows = [[Double]](), y = [Double]()
        for _ in 0..<n {
            let a = numbers.next() * 3 + 10, c = numbers.next()
            rows.append([a, 2 * a, c])
            y.append(1.5 * a - 0.7 * c + 4 + 0.1 * numbers.next())
        }
        let problem = LeastSquaresProblem(
            rowCount: n, columns: .matrix(rows.flatMap { $0 }), target: y, columnNames: ["speed", "speed2", "load"])
        let solution = try ClosedFormSolver.solve(problem)

        // Independent: fit on the full-rank columns (a, c); the fit depends only on u = w1 + 2·w2, and the
        // least ‖(w1, w2)‖ with w1 + 2·w2 = u is u·(1, 2)/5.
        let reduced = ReferenceAlgebra.centred(rows.map { [$0[0], $0[2]] }, y, centre: true)
        let fit = ReferenceAlgebra.ridge(reduced.x, reduced.y, alpha: 0)
        let expected = [fit[0] / 5, 2 * fit[0] / 5, fit[1]]
        let means = ReferenceAlgebra.centred(rows, y, centre: true)
        let intercept = means.yMean - (0..<3).reduce(Float80(0)) { $0 + means.means[$1] * expected[$1] }
        for j in 0..<3 { assertClose(solution.coefficients[j], Double(expected[j]), 1e-10, "w\(j)") }
        assertClose(solution.intercept!, Double(intercept), 1e-10, "b")
        XCTAssertEqual(solution.rank, 2)
        XCTAssertEqual(solution.collinearColumns, [[0, 1]])
        XCTAssertTrue(solution.warnings.contains { $0.contains("speed, speed2") }, "\(solution.warnings)")
        XCTAssertEqual(solution.conditionNumber, .infinity)
    }

    func testConstantColumnIsNamedAndGetsZeroWeight() throws {
        let rows: [[Double]] = [[1, 5, 2], [2, 5, 1], [3, 5, 7], [4, 5, 3], [5, 5, 5]]
        let y: [Double] = [3, 4, 9, 8, 11]
        let problem = LeastSquaresProblem(
            rowCount: 5, columns: .matrix(rows.flatMap { $0 }), target: y, columnNames: ["a", "flat", "c"])
        let solution = try ClosedFormSolver.solve(problem)
        let reduced = ReferenceAlgebra.centred(rows.map { [$0[0], $0[2]] }, y, centre: true)
        let fit = ReferenceAlgebra.ridge(reduced.x, reduced.y, alpha: 0)
        assertClose(solution.coefficients[0], Double(fit[0]), 1e-12)
        XCTAssertEqual(solution.coefficients[1], 0)
        assertClose(solution.coefficients[2], Double(fit[1]), 1e-12)
        XCTAssertEqual(solution.rank, 2)
        XCTAssertTrue(solution.warnings.contains { $0.contains("flat") && $0.contains("constant") }, "\(solution.warnings)")
    }

    func testWideProblemGivesMinimumNormInterpolant() throws {
        var numbers = ReferenceAlgebra.Numbers(state: 11)
        let n = 5, d = 8
        let rows = (0..<n).map { _ in (0..<d).map { _ in numbers.next() * 4 } }
        let y = (0..<n).map { _ in numbers.next() * 10 }
        let solution = try ClosedFormSolver.solve(
            LeastSquaresProblem(rowCount: n, columns: .matrix(rows.flatMap { $0 }), target: y))

        // Independent: w = Xcᵀλ with (XcXcᵀ + 11ᵀ)λ = yc (XcXcᵀ is singular along 1, which yc avoids).
        let c = ReferenceAlgebra.centred(rows, y, centre: true)
        let gram = (0..<n).map { i in
            (0..<n).map { k in (0..<d).reduce(Float80(1)) { $0 + c.x[i][$1] * c.x[k][$1] } }
        }
        let lambda = ReferenceAlgebra.solve(gram, c.y)
        let w = (0..<d).map { j in (0..<n).reduce(Float80(0)) { $0 + c.x[$1][j] * lambda[$1] } }
        for j in 0..<d { assertClose(solution.coefficients[j], Double(w[j]), 1e-10, "w\(j)") }
        let b = c.yMean - (0..<d).reduce(Float80(0)) { $0 + c.means[$1] * w[$1] }
        assertClose(solution.intercept!, Double(b), 1e-10, "b")
        XCTAssertEqual(solution.rank, n - 1)
        XCTAssertLessThan(solution.residualSumOfSquares, 1e-20)
        XCTAssertTrue(solution.warnings.contains { $0.contains("underdetermined") }, "\(solution.warnings)")
    }

    func testWideProblemWithoutInterceptHasFullRowRank() throws {
        var numbers = ReferenceAlgebra.Numbers(state: 3)
        let n = 3, d = 6
        let rows = (0..<n).map { _ in (0..<d).map { _ in numbers.next() } }
        let y = (0..<n).map { _ in numbers.next() }
        let solution = try ClosedFormSolver.solve(
            LeastSquaresProblem(rowCount: n, columns: .matrix(rows.flatMap { $0 }), target: y, fitIntercept: false))
        // Independent: w = Xᵀ(XXᵀ)⁻¹y.
        let x = rows.map { $0.map { Float80($0) } }
        let gram = (0..<n).map { i in (0..<n).map { k in (0..<d).reduce(Float80(0)) { $0 + x[i][$1] * x[k][$1] } } }
        let lambda = ReferenceAlgebra.solve(gram, y.map { Float80($0) })
        for j in 0..<d {
            let expected = (0..<n).reduce(Float80(0)) { $0 + x[$1][j] * lambda[$1] }
            assertClose(solution.coefficients[j], Double(expected), 1e-12, "w\(j)")
        }
        XCTAssertNil(solution.intercept)
        XCTAssertEqual(solution.rank, n)
    }
}
