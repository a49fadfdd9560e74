// Thin, checked wrappers over the LAPACKE routines the solver uses (column-major storage throughout).
import CLapack

/// Column-major LAPACK calls that turn a non-zero `info` into a `LeastSquaresError`.
enum LapackCall {
    static let columnMajor = Int32(LAPACK_COL_MAJOR)

    static func character(_ scalar: Unicode.Scalar) -> CChar { CChar(UInt8(ascii: scalar)) }

    static func check(_ routine: String, _ info: Int32) throws {
        if info != 0 { throw LeastSquaresError.lapackFailure(routine: routine, info: Int(info)) }
    }

    /// Tall-skinny QR (dgeqr) of the m × n matrix in `a` (lda = m); returns its T blocks for `applyQ`.
    static func tallSkinnyQR(rows m: Int, columns n: Int, _ a: UnsafeMutablePointer<Double>) throws -> [Double] {
        var query = [Double](repeating: 0, count: 5)
        try check("dgeqr", LAPACKE_dgeqr(columnMajor, Int32(m), Int32(n), a, Int32(m), &query, -1))
        var t = [Double](repeating: 0, count: max(5, Int(query[0])))
        let size = Int32(t.count)
        try check("dgeqr", LAPACKE_dgeqr(columnMajor, Int32(m), Int32(n), a, Int32(m), &t, size))
        return t
    }

    /// Applies Q (or Qᵀ when `transposed`) from `tallSkinnyQR` to the m-vector `c` in place.
    static func applyQ(
        rows m: Int, columns n: Int, _ a: UnsafePointer<Double>, _ t: [Double], transposed: Bool,
        _ c: UnsafeMutablePointer<Double>
    ) throws {
        let trans = character(transposed ? "T" : "N")
        try check("dgemqr", LAPACKE_dgemqr(
            columnMajor, character("L"), trans, Int32(m), 1, Int32(n), a, Int32(m), t, Int32(t.count), c, Int32(m)))
    }

    /// Householder QR (dgeqrf) of an m × n matrix (lda = m) with m ≥ n; returns tau.
    static func householderQR(rows m: Int, columns n: Int, _ a: inout [Double]) throws -> [Double] {
        var tau = [Double](repeating: 0, count: n)
        try check("dgeqrf", LAPACKE_dgeqrf(columnMajor, Int32(m), Int32(n), &a, Int32(m), &tau))
        return tau
    }

    /// Applies the dgeqrf Q (or Qᵀ) of an m × n factorization to the m-vector `c` in place.
    static func applyHouseholderQ(
        rows m: Int, columns n: Int, _ a: [Double], _ tau: [Double], transposed: Bool, _ c: inout [Double]
    ) throws {
        let trans = character(transposed ? "T" : "N")
        try check("dormqr", LAPACKE_dormqr(
            columnMajor, character("L"), trans, Int32(m), 1, Int32(n), a, Int32(m), tau, &c, Int32(m)))
    }

    /// Thin SVD (dgesdd) of the m × n matrix `a` (destroyed): U (m × k), σ (k), Vᵀ (k × n), k = min(m, n).
    static func thinSVD(rows m: Int, columns n: Int, _ a: inout [Double]) throws
        -> (u: [Double], sigma: [Double], vt: [Double])
    {
        let k = min(m, n)
        var sigma = [Double](repeating: 0, count: k)
        var u = [Double](repeating: 0, count: m * k)
        var vt = [Double](repeating: 0, count: k * n)
        try check("dgesdd", LAPACKE_dgesdd(
            columnMajor, character("S"), Int32(m), Int32(n), &a, Int32(m), &sigma, &u, Int32(m), &vt, Int32(k)))
        return (u, sigma, vt)
    }

    /// Singular values only (dgesdd, jobz N) of the m × n matrix `a` (destroyed), descending.
    static func singularValues(rows m: Int, columns n: Int, _ a: inout [Double]) throws -> [Double] {
        var sigma = [Double](repeating: 0, count: min(m, n))
        var unusedU = [Double](repeating: 0, count: 1)
        var unusedVt = [Double](repeating: 0, count: 1)
        try check("dgesdd", LAPACKE_dgesdd(
            columnMajor, character("N"), Int32(m), Int32(n), &a, Int32(max(1, m)), &sigma, &unusedU, 1, &unusedVt, 1))
        return sigma
    }

    /// Eigenvalues (ascending) of the symmetric n × n matrix `a` (upper triangle used; destroyed).
    static func symmetricEigenvalues(order n: Int, _ a: inout [Double]) throws -> [Double] {
        var w = [Double](repeating: 0, count: n)
        try check("dsyevd", LAPACKE_dsyevd(columnMajor, character("N"), character("U"), Int32(n), &a, Int32(n), &w))
        return w
    }

    /// The largest eigenvalue of the symmetric n × n matrix `a` (upper triangle used; destroyed), by dsyevr asked for
    /// that one eigenvalue only (a tridiagonal reduction, then bisection: far cheaper than the whole spectrum).
    static func largestSymmetricEigenvalue(order n: Int, _ a: inout [Double]) throws -> Double {
        var found: Int32 = 0
        var w = [Double](repeating: 0, count: n)
        var z = [Double](repeating: 0, count: 1)
        var support = [Int32](repeating: 0, count: 2)
        try check("dsyevr", LAPACKE_dsyevr(
            columnMajor, character("N"), character("I"), character("U"), Int32(n), &a, Int32(n), 0, 0, Int32(n), Int32(n),
            0, &found, &w, &z, 1, &support))
        guard found == 1 else { throw LeastSquaresError.lapackFailure(routine: "dsyevr", info: -1) }
        return w[0]
    }

    /// Eigenvalues (ascending) and eigenvectors (columns, column-major) of the symmetric n × n matrix `a` (dsyevd).
    static func symmetricEigenvectors(order n: Int, _ a: inout [Double]) throws -> [Double] {
        var w = [Double](repeating: 0, count: n)
        try check("dsyevd", LAPACKE_dsyevd(columnMajor, character("V"), character("U"), Int32(n), &a, Int32(n), &w))
        return w
    }

    /// The upper triangle of A·Aᵀ for the row-major n × m matrix A (dsyrk): the n × n Gram of A's rows.
    static func rowGram(rows n: Int, columns m: Int, _ a: UnsafePointer<Double>) -> [Double] {
        var g = [Double](repeating: 0, count: n * n)
        // Row-major A (n × m) is column-major Aᵀ (m × n): C = (Aᵀ)ᵀ·Aᵀ, "transposed" in column-major terms.
        cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, Int32(n), Int32(m), 1, a, Int32(m), 0, &g, Int32(n))
        return g
    }

    /// The upper triangle (column-major) of AᵀA for the row-major n × m matrix A (dsyrk): the m × m Gram.
    static func columnGram(rows n: Int, columns m: Int, _ a: UnsafePointer<Double>) -> [Double] {
        var g = [Double](repeating: 0, count: m * m)
        // Row-major A is column-major Aᵀ (m × n): C = Aᵀ·(Aᵀ)ᵀ, "not transposed" in column-major terms.
        cblas_dsyrk(CblasColMajor, CblasUpper, CblasNoTrans, Int32(m), Int32(n), 1, a, Int32(m), 0, &g, Int32(m))
        return g
    }

    /// Solves the symmetric positive-definite system A x = b by Cholesky (dposv); returns nil when not SPD.
    static func choleskySolve(order n: Int, _ a: [Double], _ b: [Double]) -> [Double]? {
        var a = a, b = b
        let info = LAPACKE_dposv(columnMajor, character("U"), Int32(n), 1, &a, Int32(n), &b, Int32(n))
        return info == 0 ? b : nil
    }

    /// Solves the general system A x = b by LU with partial pivoting (dgesv); returns nil when singular.
    static func luSolve(order n: Int, _ a: [Double], _ b: [Double]) -> [Double]? {
        var a = a, b = b
        var pivots = [Int32](repeating: 0, count: n)
        let info = LAPACKE_dgesv(columnMajor, Int32(n), 1, &a, Int32(n), &pivots, &b, Int32(n))
        return info == 0 ? b : nil
    }

    /// Cholesky factor (dpotrf) of the symmetric positive-definite n × n matrix `a` in place (upper
    /// triangle: a = RᵀR); false when `a` is not numerically positive definite.
    static func choleskyFactor(order n: Int, _ a: inout [Double]) -> Bool {
        LAPACKE_dpotrf(columnMajor, character("U"), Int32(n), &a, Int32(n)) == 0
    }

    /// Solves RᵀR·x = b with the factor from `choleskyFactor` (dpotrs).
    static func choleskySolve(factor r: [Double], order n: Int, _ b: [Double]) throws -> [Double] {
        var x = b
        try check("dpotrs", LAPACKE_dpotrs(columnMajor, character("U"), Int32(n), 1, r, Int32(n), &x, Int32(n)))
        return x
    }

    /// Estimate of 1/κ₁ (dpocon) of the matrix whose Cholesky factor is `r` and whose 1-norm is `norm`.
    static func choleskyReciprocalCondition(factor r: [Double], order n: Int, norm: Double) throws -> Double {
        var rcond = 0.0
        try check("dpocon", LAPACKE_dpocon(columnMajor, character("U"), Int32(n), r, Int32(n), norm, &rcond))
        return rcond
    }
}
