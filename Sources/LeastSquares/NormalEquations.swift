// The textbook answer (XᵀX)⁻¹Xᵀy, computed the way learners write it: shown for teaching, never used.

/// Solves the normal equations AᵀA·θ = Aᵀy with A = [X 1] (intercept last, unpenalised; + α on w).
enum NormalEquations {
    /// θ = (w…, b) or (w…) with no intercept; nil when AᵀA is singular or the answer is not finite.
    static func solve(rowCount n: Int, design: [Double], target: [Double], fitIntercept: Bool, l2: Double) -> [Double]? {
        let d = design.count / max(1, n)
        guard var gram = GramMatrix(rowCount: n, design: design, fitIntercept: fitIntercept) else { return nil }
        if l2 > 0 { gram.addToCoefficientDiagonal(l2, coefficientCount: d) }
        var rhs = [Double](repeating: 0, count: gram.order)
        for i in 0..<n {
            for j in 0..<d { rhs[j] += design[i * d + j] * target[i] }
            if fitIntercept { rhs[d] += target[i] }
        }
        return solve(system: gram.entries, order: gram.order, rhs: rhs)
    }

    /// Solves the assembled system AᵀA·θ = Aᵀy (column-major `system`); nil when singular or not finite.
    static func solve(system: [Double], order: Int, rhs: [Double]) -> [Double]? {
        // Cholesky first (what a careful textbook does), LU when rounding made AᵀA indefinite.
        let answer = LapackCall.choleskySolve(order: order, system, rhs)
            ?? LapackCall.luSolve(order: order, system, rhs)
        guard let answer, answer.allSatisfy(\.isFinite) else { return nil }
        return answer
    }
}
