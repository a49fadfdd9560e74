// The eigenvalues of a small Gram matrix AᵀA by LAPACK, and the condition number of A they give.

/// The spectrum of a symmetric positive semi-definite p × p matrix G = AᵀA (LAPACK's dsyevd). Meant for the
/// small Gram matrices of linear regression (p = features + 1), where forming G once is cheap.
public struct GramSpectrum: Sendable {
    /// The eigenvalues of G, ascending.
    public let eigenvalues: [Double]

    /// `gram` holds the p × p matrix (symmetric, so row- or column-major alike); nil when LAPACK fails or an
    /// entry is not finite.
    public init?(gram: [Double], order p: Int) {
        guard p > 0, gram.count == p * p, gram.allSatisfy(\.isFinite) else { return nil }
        var entries = gram
        guard let values = try? LapackCall.symmetricEigenvalues(order: p, &entries) else { return nil }
        eigenvalues = values
    }

    /// κ(A) = √(λmax / λmin) of G = AᵀA, the ratio of A's largest to smallest singular value. +∞ when λmin is
    /// within rounding of zero (G's eigenvalues carry an error of about p·ε·λmax): A is then rank deficient.
    public var conditionNumber: Double {
        guard let smallest = eigenvalues.first, let largest = eigenvalues.last, largest > 0 else { return .infinity }
        guard smallest > Double(eigenvalues.count) * Double.ulpOfOne * largest else { return .infinity }
        return (largest / smallest).squareRoot()
    }
}
