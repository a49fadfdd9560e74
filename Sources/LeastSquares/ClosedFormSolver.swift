// Solves least-squares problems to certified accuracy through LAPACK.
// CONTRACT STUB: the signatures are what Engine codes against; the solver work replaces the bodies.
import CLapack

/// Why a problem could not be solved.
public enum LeastSquaresError: Error, Equatable, CustomStringConvertible {
    case invalidProblem(String)
    case lapackFailure(routine: String, info: Int)

    public var description: String {
        switch self {
        case .invalidProblem(let why): return why
        case .lapackFailure(let routine, let info): return "LAPACK \(routine) failed (info \(info))"
        }
    }
}

/// The closed-form solver: centre, scale, orthogonal factorization, refinement in extended precision.
public enum ClosedFormSolver {
    /// Solves `problem`; thread-safe and re-entrant, may use several threads on large problems.
    public static func solve(_ problem: LeastSquaresProblem) throws -> LeastSquaresSolution {
        throw LeastSquaresError.invalidProblem("the closed-form solver is not built yet")
    }

    /// Largest stable learning rate for full-batch GD on MSE for a row-major n × d design: n / σmax(A)²
    /// with A = [X 1] when `fitIntercept`, i.e. 2/λmax of the Hessian (2/n)AᵀA (+2α on w for ridge).
    public static func largestStableLearningRate(
        rowCount: Int, design: [Double], fitIntercept: Bool, l2: Double = 0
    ) -> Double {
        .infinity
    }
}
