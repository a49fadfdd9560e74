// The elastic-net optimum by coordinate descent with covariance updates (glmnet's n ≫ p form) to a duality gap.

/// Minimises P(w) = (1/2n)‖ỹ − X̃w‖² + λ₁‖w‖₁ + (λ₂/2)‖w‖² (scikit-learn's ElasticNet with alpha = λ₁ + λ₂,
/// l1_ratio = λ₁/(λ₁ + λ₂)) over centred columns X̃ (centred ỹ when an intercept is fitted), given only
/// G = X̃ᵀX̃, q = X̃ᵀỹ and ‖ỹ‖²: each sweep costs O(d²) whatever n is. Stops when the duality gap (the same
/// dual point scikit-learn uses) falls below `tolerance`·‖ỹ‖²/n, or a sweep changes no weight.
public enum CoordinateDescent {
    public struct Solution: Sendable {
        public var weights: [Double]
        /// The duality gap at `weights`, in P's units (an upper bound on P(w) − P(w*)).
        public var gap: Double
        public var sweeps: Int
    }

    public static func solve(
        gram: [Double], xty: [Double], yy: Double, rows n: Int, l1 lambda1: Double, l2 lambda2: Double,
        start: [Double]? = nil, tolerance: Double = 1e-14, maxSweeps: Int = 100_000
    ) -> Solution {
        let d = xty.count
        let scale = 1 / Double(n)
        let g = gram.map { $0 * scale }
        let q = xty.map { $0 * scale }
        let yyn = yy * scale
        var w = start ?? [Double](repeating: 0, count: d)
        // grad = q − G·w, kept up to date coordinate by coordinate.
        var grad = q
        for j in 0..<d where w[j] != 0 { for k in 0..<d { grad[k] -= g[k * d + j] * w[j] } }
        var gap = Double.infinity
        var sweeps = 0
        while sweeps < maxSweeps {
            sweeps += 1
            var largestChange = 0.0, largestWeight = 0.0
            for j in 0..<d {
                let diagonal = g[j * d + j] + lambda2
                guard diagonal > 0 else { continue }
                let old = w[j]
                let rho = grad[j] + g[j * d + j] * old
                let new = (rho > lambda1 ? rho - lambda1 : (rho < -lambda1 ? rho + lambda1 : 0)) / diagonal
                if new != old {
                    let delta = new - old
                    for k in 0..<d { grad[k] -= g[k * d + j] * delta }
                    w[j] = new
                    largestChange = max(largestChange, abs(delta))
                }
                largestWeight = max(largestWeight, abs(new))
            }
            gap = dualityGap(w, grad: grad, q: q, yy: yyn, l1: lambda1, l2: lambda2)
            if gap <= tolerance * yyn || largestChange <= 1e-17 * largestWeight { break }
        }
        return Solution(weights: w, gap: gap, sweeps: sweeps)
    }

    /// The gap between P(w) and the dual at scikit-learn's rescaled residual (per row, as P is).
    static func dualityGap(_ w: [Double], grad: [Double], q: [Double], yy: Double, l1: Double, l2: Double) -> Double {
        var wq = 0.0, wg = 0.0, norm1 = 0.0, norm2 = 0.0, dualNorm = 0.0
        for j in w.indices {
            wq += w[j] * q[j]
            wg += w[j] * grad[j]
            norm1 += abs(w[j])
            norm2 += w[j] * w[j]
            dualNorm = max(dualNorm, abs(grad[j] - l2 * w[j]))
        }
        let residual = max(0, yy - wq - wg)  // ‖R‖²/n, R = ỹ − X̃w
        let ry = yy - wq  // Rᵀỹ/n
        let c = dualNorm > l1 ? l1 / dualNorm : 1
        return 0.5 * residual * (1 + c * c) + l1 * norm1 - c * ry + 0.5 * l2 * (1 + c * c) * norm2
    }
}
