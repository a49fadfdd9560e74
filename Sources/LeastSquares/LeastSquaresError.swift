// Why a least-squares problem could not be solved.

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
