// The learner's scaling of the squared-error loss (MSE, ½MSE, Σr², ½Σr²): what J, its gradient and η mean.

/// Which multiple of the sum of squared residuals the run minimises: J = c·Σrᵢ² (+ the penalties), with
/// c = 1/n, 1/(2n), 1 or ½. On a mini-batch B the same formula is used with B's rows and |B| for n, so a
/// step's gradient is 2c_B·X_Bᵀr_B. The scaling only multiplies J, its gradient and its Hessian by a
/// constant k = c·n relative to MSE; the learning rate means what it means in the learner's course.
public enum LossScaling: String, CaseIterable, Sendable, Codable {
    /// (1/n)·Σr², as scikit-learn and PyTorch's MSELoss (the default).
    case mse
    /// (1/2n)·Σr², as most from-scratch implementations and many courses.
    case halfMSE = "half-mse"
    /// Σr², as the normal-equation notebooks.
    case sse
    /// ½·Σr².
    case halfSSE = "half-sse"

    /// J's data term for a sum of squared residuals over `rows` rows.
    public func value(sumOfSquares: Double, rows: Int) -> Double {
        switch self {
        case .mse: return sumOfSquares / Double(rows)
        case .halfMSE: return sumOfSquares / (2 * Double(rows))
        case .sse: return sumOfSquares
        case .halfSSE: return sumOfSquares / 2
        }
    }

    /// The factor 2c that turns Xᵀr (summed over `rows` rows) into ∇J's data term.
    public func gradientScale(rows: Int) -> Double {
        switch self {
        case .mse: return 2 / Double(rows)
        case .halfMSE: return 1 / Double(rows)
        case .sse: return 2
        case .halfSSE: return 1
        }
    }

    /// k in J = k·MSE on `rows` rows: 1, ½, n or n/2. GD's largest stable rate on J is the MSE one ÷ k.
    public func multipleOfMSE(rows: Int) -> Double {
        switch self {
        case .mse: return 1
        case .halfMSE: return 0.5
        case .sse: return Double(rows)
        case .halfSSE: return Double(rows) / 2
        }
    }

    /// The data term as a formula, for titles and help.
    public var formula: String {
        switch self {
        case .mse: return "(1/n)·Σr²"
        case .halfMSE: return "(1/2n)·Σr²"
        case .sse: return "Σr²"
        case .halfSSE: return "½·Σr²"
        }
    }

    /// A short name for the status bar ("MSE", "½MSE", "SSE", "½SSE").
    public var shortName: String {
        switch self {
        case .mse: return "MSE"
        case .halfMSE: return "½MSE"
        case .sse: return "SSE"
        case .halfSSE: return "½SSE"
        }
    }

    /// The data term's gradient as a formula (on a batch B).
    public var gradientFormula: String {
        switch self {
        case .mse: return "(2/|B|)·X_Bᵀ r_B"
        case .halfMSE: return "(1/|B|)·X_Bᵀ r_B"
        case .sse: return "2·X_Bᵀ r_B"
        case .halfSSE: return "X_Bᵀ r_B"
        }
    }

    /// ∇b's data term as a formula (on a batch B).
    public var interceptGradientFormula: String {
        switch self {
        case .mse: return "(2/|B|)·Σ r_B"
        case .halfMSE: return "(1/|B|)·Σ r_B"
        case .sse: return "2·Σ r_B"
        case .halfSSE: return "Σ r_B"
        }
    }
}
