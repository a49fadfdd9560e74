// Diagnostics: the stable learning-rate bound behaves as GD does, statistics agree, bad input is named.
import LeastSquares
import XCTest

final class DiagnosticsTests: XCTestCase {
    /// Final MSE after `steps` full-batch GD steps on (1/n)‖Xw + b − y‖² + α‖w‖².
    func gradientDescentLoss(rows: [[Double]], y: [Double], rate: Double, l2: Double, steps: Int) -> Double {
        let n = Double(rows.count), d = rows[0].count
        var w = [Double](repeating: 0, count: d), b = 0.0
        var loss = 0.0
        for _ in 0..<steps {
            var gw = [Double](repeating: 0, count: d), gb = 0.0
            loss = 0
            for (row, target) in zip(rows, y) {
                let r = zip(row, w).reduce(b) { $0 + $1.0 * $1.1 } - target
                loss += r * r / n
                for j in 0..<d { gw[j] += 2 * r * row[j] / n }
                gb += 2 * r / n
            }
            for j in 0..<d { w[j] -= rate * (gw[j] + 2 * l2 * w[j]) }
            b -= rate * gb
        }
        return loss
    }

    func testLearningRateBoundSeparatesConvergenceFromDivergence() {
        var numbers = ReferenceAlgebra.Numbers(state: 21)
        let rows = (0..<30).map { _ in [numbers.next() * 2 + 1, numbers.next() * 5] }
        let y = rows.map { 2 * $0[0] - $0[1] + 1 }
        for l2 in [0.0, 0.8] {
            let bound = ClosedFormSolver.largestStableLearningRate(
                rowCount: 30, design: rows.flatMap { $0 }, fitIntercept: true, l2: l2)
            let below = gradientDescentLoss(rows: rows, y: y, rate: 0.97 * bound, l2: l2, steps: 3000)
            let above = gradientDescentLoss(rows: rows, y: y, rate: 1.03 * bound, l2: l2, steps: 3000)
            XCTAssertLessThan(below, 100, "l2 \(l2)")
            XCTAssertTrue(!above.isFinite || above > 1e6, "l2 \(l2): \(above)")
        }
    }

    func testLearningRateOnDiagonalDesignIsExact() {
        // AᵀA = diag(1, 4): λmax(AᵀA + nα) = 4 + 4·0.5.
        let design: [Double] = [1, 0, 0, 2, 0, 0, 0, 0]
        XCTAssertEqual(ClosedFormSolver.largestStableLearningRate(rowCount: 4, design: design, fitIntercept: false), 1)
        XCTAssertEqual(
            ClosedFormSolver.largestStableLearningRate(rowCount: 4, design: design, fitIntercept: false, l2: 0.5),
            4.0 / 6.0, accuracy: 1e-15)
    }

    func testStatisticsAndNormalEquationsOnAnExactLine() throws {
        let x: [Double] = [0, 1, 2, 3, 4, 5]
        let y = x.map { 3 * $0 - 2 }
        let solution = try ClosedFormSolver.solve(LeastSquaresProblem(rowCount: 6, columns: .matrix(x), target: y))
        XCTAssertEqual(solution.coefficients[0], 3, accuracy: 1e-14)
        XCTAssertEqual(solution.intercept!, -2, accuracy: 1e-14)
        XCTAssertEqual(solution.rSquared, 1, accuracy: 1e-15)
        XCTAssertEqual(solution.residualSumOfSquares, 0, accuracy: 1e-25)
        XCTAssertEqual(solution.meanSquaredError, 0, accuracy: 1e-25)
        XCTAssertEqual(solution.normalEquationCoefficients![0], 3, accuracy: 1e-12)
        XCTAssertEqual(solution.normalEquationIntercept!, -2, accuracy: 1e-12)
        // σ of the centred x: ‖x − 2.5‖ = √17.5.
        XCTAssertEqual(solution.singularValues, [Double(17.5).squareRoot()], accuracy: 1e-13)
        XCTAssertEqual(solution.largestStableLearningRate,
            ClosedFormSolver.largestStableLearningRate(rowCount: 6, design: x, fitIntercept: true))
    }

    func testBadInputIsReportedWithItsPlace() {
        let nan = LeastSquaresProblem(rowCount: 3, columns: .matrix([1, 2, 3]), target: [1, .nan, 3])
        XCTAssertThrowsError(try ClosedFormSolver.solve(nan)) { error in
            XCTAssertEqual(error as? LeastSquaresError, .invalidProblem("target value at row 2 is not finite"))
        }
        let ragged = LeastSquaresProblem(rowCount: 3, columns: .matrix([1, 2, 3, 4]), target: [1, 2, 3])
        XCTAssertThrowsError(try ClosedFormSolver.solve(ragged))
        let inf = LeastSquaresProblem(
            rowCount: 2, columns: .matrix([1, 2, .infinity, 4]), target: [1, 2], columnNames: ["a", "b"])
        XCTAssertThrowsError(try ClosedFormSolver.solve(inf)) { error in
            XCTAssertEqual("\(error)", "design value at row 2, column a is not finite")
        }
    }
}

func XCTAssertEqual(_ a: [Double], _ b: [Double], accuracy: Double, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, line: line) }
}
