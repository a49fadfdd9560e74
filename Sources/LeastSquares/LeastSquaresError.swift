// Why a least-squares problem could not be solved.

/// Why a problem could not be solved.
public enum LeastSquaresError: Error, Equatable, CustomStringConvertible {
    case invalidProblem(String)
    case lapackFailure(routine: String, info: Int)

    public var description: String {
        switch self {
        case .invalidProblem(let why): return why
        // The routine and info stay in the value for developers; a user reads what it means for the data.
        case .lapackFailure: return "the design could not be factored (values too large or too small to compute with?)"
        }
    }
}
