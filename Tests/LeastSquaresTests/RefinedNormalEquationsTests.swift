// The fast route (refined normal equations) agrees with the orthogonal route, and declines hard problems.
@testable import LeastSquares
import XCTest

final class RefinedNormalEquationsTests: XCTestCase {
    /// A correlated n × d design with column offsets and scales, and a noisy linear target.
    func problem(rows n: Int, features d: Int, offset: Double, noise: Double, intercept: Bool = true, l2: Double = 0,
                 collinearity: Double = 0.3, seed: UInt64 = 3) -> LeastSquaresProblem {
        var numbers = ReferenceAlgebra.Numbers(state: seed)
        var x = [Double](repeating: 0, count: n * d), y = [Double](repeating: 0, count: n)
        let weights = (0..<d).map { _ in numbers.next() * 3 }
        for i in 0..<n {
            let shared = numbers.next()
            var sum = 0.5
            for j in 0..<d {
                let value = offset * Double(j + 1) + Double(j + 1) * (numbers.next() + collinearity * shared)
                x[i * d + j] = value
                sum += weights[j] * value
            }
            y[i] = sum + noise * numbers.next()
        }
        return LeastSquaresProblem(rowCount: n, columns: .matrix(x), target: y, fitIntercept: intercept, l2: l2)
    }

    func fast(_ p: LeastSquaresProblem) throws -> LeastSquaresSolution? {
        try RefinedNormalEquations.solve(p, partition: RowPartition(rowCount: p.rowCount, minimumRows: p.columnCount), minimumEntries: 0)
    }

    func assertAgree(_ a: LeastSquaresSolution, _ b: LeastSquaresSolution, digits: Double, _ context: String) {
        for (u, v) in zip(a.coefficients, b.coefficients) {
            XCTAssertEqual(u, v, accuracy: pow(10, -digits) * max(abs(v), 1e-3), context)
        }
        XCTAssertEqual(a.intercept == nil, b.intercept == nil, context)
        if let u = a.intercept, let v = b.intercept { XCTAssertEqual(u, v, accuracy: pow(10, -digits) * max(abs(v), 1), context) }
        XCTAssertEqual(a.residualSumOfSquares, b.residualSumOfSquares, accuracy: 1e-9 * b.residualSumOfSquares, context)
        XCTAssertEqual(a.rSquared, b.rSquared, accuracy: 1e-12, context)
        XCTAssertEqual(a.rank, b.rank, context)
        for (u, v) in zip(a.singularValues, b.singularValues) { XCTAssertEqual(u, v, accuracy: 1e-9 * v, context) }
        XCTAssertEqual(a.conditionNumber, b.conditionNumber, accuracy: 1e-8 * b.conditionNumber, context)
        XCTAssertEqual(a.largestStableLearningRate, b.largestStableLearningRate, accuracy: 1e-12 * b.largestStableLearningRate, context)
        XCTAssertEqual(a.standardizedLargestStableLearningRate, b.standardizedLargestStableLearningRate,
                       accuracy: 1e-12 * b.standardizedLargestStableLearningRate, context)
        XCTAssertEqual(a.residualStandardDeviation, b.residualStandardDeviation, accuracy: 1e-9 * b.residualStandardDeviation, context)
        XCTAssertNotNil(a.normalEquationCoefficients, context)
        for (u, v) in zip(a.normalEquationCoefficients ?? [], b.normalEquationCoefficients ?? []) {
            XCTAssertEqual(u, v, accuracy: 1e-6 * max(abs(v), 1), context)
        }
    }

    func testAgreesWithTheOrthogonalRouteToTwelveDigits() throws {
        let cases: [(String, LeastSquaresProblem)] = [
            ("centred", problem(rows: 3000, features: 6, offset: 0, noise: 0.1)),
            ("offset 1000", problem(rows: 3000, features: 6, offset: 1000, noise: 0.1)),
            ("large residual", problem(rows: 2000, features: 5, offset: 3, noise: 50)),
            ("no intercept", problem(rows: 2500, features: 4, offset: 2, noise: 0.2, intercept: false)),
            ("ridge", problem(rows: 2500, features: 4, offset: 5, noise: 0.2, l2: 40)),
        ]
        var passCounts = [Int]()
        for (name, p) in cases {
            let exact = try ClosedFormSolver.solve(p)  // small: the orthogonal route
            var passes = 0
            let refined = try XCTUnwrap(
                try RefinedNormalEquations.solve(
                    p, partition: RowPartition(rowCount: p.rowCount, minimumRows: p.columnCount), minimumEntries: 0,
                    passes: &passes), name)
            assertAgree(refined, exact, digits: 12, name)
            passCounts.append(passes)
        }
        // Both the unrefined answer and the refined one are exercised.
        XCTAssertTrue(passCounts.contains(0), "\(passCounts)")
        XCTAssertTrue(passCounts.contains { $0 > 0 }, "\(passCounts)")
    }

    func testDeclinesIllConditionedConstantAndFarOffsetProblems() throws {
        // Nearly collinear columns: κ² ε is far too large for normal equations.
        XCTAssertNil(try fast(problem(rows: 2000, features: 4, offset: 0, noise: 0.1, collinearity: 1e7)))
        // Mean 10⁶ times the spread: centring XᵀX would cancel more than half the digits.
        XCTAssertNil(try fast(problem(rows: 2000, features: 3, offset: 1e7, noise: 0.1)))
        // A constant column.
        var p = problem(rows: 2000, features: 3, offset: 1, noise: 0.1)
        if case .matrix(var x) = p.columns {
            for i in 0..<p.rowCount { x[i * 3 + 1] = 4 }
            p.columns = .matrix(x)
        }
        XCTAssertNil(try fast(p))
        // Polynomial columns are formed in Float80 by the orthogonal route only.
        let poly = LeastSquaresProblem(rowCount: 3, columns: .polynomial(base: [1, 2, 3], baseCount: 1, degree: 1), target: [1, 2, 4])
        XCTAssertNil(try fast(poly))
    }

    func testSolverTakesTheFastRouteOnlyForLargeProblems() throws {
        let small = problem(rows: 300, features: 4, offset: 1, noise: 0.1)
        XCTAssertNil(try RefinedNormalEquations.solve(small, partition: RowPartition(rowCount: 300, minimumRows: 4)))
        let large = problem(rows: 70_000, features: 16, offset: 1, noise: 0.1)
        let solution = try ClosedFormSolver.solve(large)
        let refined = try XCTUnwrap(try fast(large))
        XCTAssertEqual(solution.coefficients, refined.coefficients)
        XCTAssertEqual(solution.intercept, refined.intercept)
    }
}

extension RefinedNormalEquationsTests {
    func testNonFiniteValuesAreNamedOnTheFastRouteToo() throws {
        var p = problem(rows: 3000, features: 4, offset: 1, noise: 0.1)
        if case .matrix(var x) = p.columns {
            x[7 * 4 + 2] = .nan
            p.columns = .matrix(x)
        }
        XCTAssertThrowsError(try fast(p)) { error in
            XCTAssertEqual(error as? LeastSquaresError, .invalidProblem("design value at row 8, column x3 is not finite"))
        }
        var q = problem(rows: 3000, features: 4, offset: 1, noise: 0.1)
        q.target[2999] = .infinity
        XCTAssertThrowsError(try fast(q)) { error in
            XCTAssertEqual(error as? LeastSquaresError, .invalidProblem("target value at row 3000 is not finite"))
        }
    }
}

extension RefinedNormalEquationsTests {
    func testGramMatrixMatchesAPlainFloat80Sum() {
        var numbers = ReferenceAlgebra.Numbers(state: 12)
        for (n, d) in [(1, 1), (7, 3), (1030, 5), (5000, 4)] {
            let x = (0..<(n * d)).map { _ in numbers.next() * 10 + 3 }
            for withOnes in [false, true] {
                let m = d + (withOnes ? 1 : 0)
                let gram = ClosedFormSolver.gramMatrix(rowCount: n, design: x, withOnes: withOnes)
                XCTAssertEqual(gram.count, m * m)
                for j in 0..<m {
                    for k in 0..<m {
                        var sum: Float80 = 0
                        for i in 0..<n {
                            let a = j < d ? Float80(x[i * d + j]) : 1, b = k < d ? Float80(x[i * d + k]) : 1
                            sum += a * b
                        }
                        XCTAssertEqual(gram[j * m + k], Double(sum), accuracy: 1e-13 * abs(Double(sum)), "n \(n) d \(d) (\(j), \(k))")
                    }
                }
            }
        }
    }
}
