// Björck's iterative refinement of the augmented system, residuals in Float80, corrections from the SVD.

/// Refines (s, z) for [I A; Aᵀ 0][s; z] = [ỹ; 0] until the corrections stop shrinking.
///
/// Refining only z stalls at about κ²·ε·‖r‖ on problems with large residuals; refining the residual s
/// together with z converges to full accuracy whenever κ·ε < 1 (Björck 1967). Each step computes
/// f = ỹ − s − A·z and g = −Aᵀ·s from the exact data in Float80, then solves for the corrections with
/// A = U·Σ·Vᵀ: a = Σ⁻¹Vᵀg, t = Uᵀf − a, δz = VΣ⁻¹t, δs = f − U·t.
enum IterativeRefinement {
    struct Outcome: Sendable {
        var z: [Float80]
        var steps: Int
        /// ‖δz‖/‖z‖ of the last accepted step.
        var lastRelativeCorrection: Double
    }

    static let maximumSteps = 12

    static func refine(
        design: ScaledDesignOperator, factorization: OrthogonalFactorization, partition: RowPartition
    ) throws -> Outcome {
        let d = design.columnCount, m = design.rowCount
        var z = [Float80](repeating: 0, count: d)
        var s = [Float80](repeating: 0, count: m)
        var previous = Double.infinity
        var steps = 0
        let sigma = factorization.sigma
        while steps < maximumSteps {
            // With s = 0 and z = 0 the first residuals need no pass over the design.
            let (f, g) = steps == 0
                ? (design.centredTarget(), [Double](repeating: 0, count: d))
                : try design.refinementResiduals(z: z, s: s, partition: partition)
            let projected = try factorization.projectOnto(f)
            let fromG = factorization.rightCoordinates(g)
            let a = fromG.indices.map { fromG[$0] / sigma[$0] }
            let t = projected.indices.map { projected[$0] - a[$0] }
            let dz = factorization.rightExpand(t.indices.map { t[$0] / sigma[$0] })
            let ut = try factorization.expand(t)

            let correction = dz.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
            let size = zip(z, dz).reduce(0.0) { $0 + Double(($1.0 + Float80($1.1)) * ($1.0 + Float80($1.1))) }
                .squareRoot()
            let relative = size > 0 ? correction / size : (correction > 0 ? 1 : 0)
            // A step that does not shrink the correction has reached the rounding floor (or the problem
            // is too ill-conditioned to refine): keep the iterate that came before it.
            if steps > 0 && relative >= previous { break }
            for j in 0..<d { z[j] += Float80(dz[j]) }
            for i in 0..<m { s[i] += Float80(f[i] - ut[i]) }
            steps += 1
            previous = relative
            // Below 2⁻⁶⁰ the Float80 iterate is already far finer than the Double it is rounded to.
            if relative < 1e-18 { break }
        }
        return Outcome(z: z, steps: steps, lastRelativeCorrection: previous)
    }
}
