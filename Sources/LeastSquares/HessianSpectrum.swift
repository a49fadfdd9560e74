// λmax and κ of a least-squares Hessian AᵀA + ρP by LAPACK, from the smaller of AᵀA and A·Aᵀ (wide data).
import Foundation

/// The spectrum of M = AᵀA + ρP for an n × m design A whose last column may be the ones (the intercept), P the
/// identity on every column but that one (an L2 penalty ρ that spares the intercept). Tall data keep the m × m
/// Gram AᵀA; wide data (n < m) keep the n × n Gram A·Aᵀ, which has the same non-zero eigenvalues, so 1,000 rows of
/// 5,000 features cost a 1,000 × 1,000 problem. With the intercept spared, M = (AᵀA + ρI) − ρeeᵀ is a rank-one change
/// of a matrix whose spectrum A·Aᵀ gives; its extreme eigenvalues are roots of the secular equation, found by
/// bisection to the last bit. Results are cached per ρ; every method may be called from any thread.
public final class HessianSpectrum: @unchecked Sendable {
    private enum Form {
        /// m × m AᵀA (row- or column-major alike).
        case columns(gram: [Double], order: Int)
        /// n × n A·Aᵀ (upper triangle) for an n × m design.
        case rows(gram: [Double], rows: Int, columns: Int)
    }

    private let form: Form
    private let onesLast: Bool
    private let lock = NSLock()
    private var largest: [Double: Double] = [:]
    private var rowEigen: (values: [Double], vectors: [Double])?

    /// From AᵀA (m × m). `onesLast`: A's last column is the intercept's ones (not penalized).
    public init(gram: [Double], order: Int, onesLast: Bool) {
        precondition(gram.count == order * order)
        form = .columns(gram: gram, order: order)
        self.onesLast = onesLast
    }

    /// From the row-major n × m design A itself: keeps A·Aᵀ (n × n) for wide data, AᵀA (m × m) otherwise (dsyrk).
    public init(rowMajorDesign a: [Double], rows n: Int, columns m: Int, onesLast: Bool) {
        precondition(a.count == n * m)
        if n < m {
            let gram = a.withUnsafeBufferPointer { LapackCall.rowGram(rows: n, columns: m, $0.baseAddress!) }
            form = .rows(gram: gram, rows: n, columns: m)
        } else {
            var gram = a.withUnsafeBufferPointer { LapackCall.columnGram(rows: n, columns: m, $0.baseAddress!) }
            for j in 0..<m { for k in 0..<j { gram[k * m + j] = gram[j * m + k] } }  // both triangles, as AᵀA is
            form = .columns(gram: gram, order: m)
        }
        self.onesLast = onesLast
    }

    /// Whether every entry of the Gram it keeps is finite (false: the design's values overflow their squares).
    public var isFinite: Bool {
        switch form {
        case let .columns(gram, _), let .rows(gram, _, _): return gram.allSatisfy(\.isFinite)
        }
    }

    /// The largest eigenvalue of AᵀA + ρP; nil when an entry is not finite or LAPACK fails.
    public func largestEigenvalue(penalty rho: Double) -> Double? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = largest[rho] { return cached }
        let value: Double?
        switch form {
        case let .columns(gram, m):
            guard m > 0, gram.allSatisfy(\.isFinite) else { return nil }
            var h = gram
            for j in 0..<(onesLast ? m - 1 : m) { h[j * m + j] += rho }
            value = try? LapackCall.largestSymmetricEigenvalue(order: m, &h)
        case let .rows(gram, n, _):
            guard n > 0, gram.allSatisfy(\.isFinite) else { return nil }
            if rho == 0 || !onesLast {
                var g = gram
                value = (try? LapackCall.largestSymmetricEigenvalue(order: n, &g)).map { $0 + rho }
            } else {
                value = secularExtremes(rho: rho)?.largest
            }
        }
        if let value { largest[rho] = value }
        return value
    }

    /// κ = √(λmax/λmin) of AᵀA + ρP: +∞ when λmin is within rounding of zero (A rank deficient, as wide data
    /// always is without a penalty); nil when it cannot be computed.
    public func conditionNumber(penalty rho: Double) -> Double? {
        switch form {
        case let .columns(gram, m):
            var g = gram
            for j in 0..<(onesLast ? m - 1 : m) { g[j * m + j] += rho }
            return GramSpectrum(gram: g, order: m)?.conditionNumber
        case let .rows(gram, n, m):
            guard gram.allSatisfy(\.isFinite) else { return nil }
            if rho == 0 { return .infinity }  // n < m: AᵀA is singular
            lock.lock()
            defer { lock.unlock() }
            guard let eigen = rowEigenpairs(gram: gram, order: n), let top = eigen.values.last else { return nil }
            let smallest: Double, biggest: Double
            if onesLast {
                guard let extremes = secularExtremes(rho: rho) else { return nil }
                (smallest, biggest) = (extremes.smallest, extremes.largest)
            } else {
                // m > n: AᵀA has m − n zero eigenvalues, each lifted to ρ.
                (smallest, biggest) = (rho + (m > n ? 0 : eigen.values[0]), top + rho)
            }
            guard biggest > 0, smallest > Double(m) * Double.ulpOfOne * biggest else { return .infinity }
            return (biggest / smallest).squareRoot()
        }
    }

    /// Eigenvalues (ascending) and eigenvectors of A·Aᵀ, computed once. Call holding the lock.
    private func rowEigenpairs(gram: [Double], order n: Int) -> (values: [Double], vectors: [Double])? {
        if let rowEigen { return rowEigen }
        var vectors = gram
        guard let values = try? LapackCall.symmetricEigenvectors(order: n, &vectors) else { return nil }
        rowEigen = (values, vectors)
        return rowEigen
    }

    /// The extreme eigenvalues of (AᵀA + ρI) − ρeeᵀ for wide data with the ones column last. Call holding the lock.
    /// AᵀA's eigenvectors for its non-zero eigenvalues μᵢ = σᵢ² are uᵢ = Aᵀvᵢ/σᵢ (vᵢ those of A·Aᵀ), so e's weight
    /// on each is zᵢ² = (1ᵀvᵢ)²/μᵢ; the rest of e, 1 − Σzᵢ², lies in A's null space, whose eigenvalue is ρ.
    private func secularExtremes(rho: Double) -> (smallest: Double, largest: Double)? {
        guard case let .rows(gram, n, m) = form, let eigen = rowEigenpairs(gram: gram, order: n) else { return nil }
        let top = eigen.values.last ?? 0
        var poles: [(value: Double, weight: Double)] = []
        var nonzero = 0
        var total = 0.0
        for i in 0..<n where eigen.values[i] > Double(m) * Double.ulpOfOne * top {
            var sum = 0.0
            for k in 0..<n { sum += eigen.vectors[i * n + k] }
            let weight = sum * sum / eigen.values[i]
            poles.append((eigen.values[i] + rho, weight))
            total += weight
            nonzero += 1
        }
        let nullity = m - nonzero
        if nullity > 0 { poles.append((rho, max(0, 1 - total))) }
        // Poles of (numerically) zero weight are eigenvalues of M themselves; the others interlace with the roots.
        let floor = 1e-300
        let weighted = poles.filter { $0.weight > floor }.sorted { $0.value < $1.value }
        let unweighted = poles.filter { $0.weight <= floor }.map(\.value)
        // ρ stays an eigenvalue when the null space has room beyond e's component (nullity ≥ 2).
        var fixed = unweighted
        if nullity >= 2 { fixed.append(rho) }
        func f(_ lambda: Double) -> Double {
            var sum = 0.0
            for pole in weighted { sum += pole.weight / (pole.value - lambda) }
            return 1 - rho * sum
        }
        /// The root of the decreasing f in (low, high).
        func root(_ low: Double, _ high: Double) -> Double {
            var (low, high) = (low, high)
            for _ in 0..<2100 {
                let middle = low + (high - low) / 2
                if middle <= low || middle >= high { break }
                if f(middle) > 0 { low = middle } else { high = middle }
            }
            return low + (high - low) / 2
        }
        var roots: [Double] = []
        if let first = weighted.first {
            roots.append(root(first.value - rho, first.value))
            if weighted.count > 1 { roots.append(root(weighted[weighted.count - 2].value, weighted[weighted.count - 1].value)) }
        }
        let all = roots + fixed
        guard let smallest = all.min(), let largest = all.max() else { return nil }
        return (smallest, largest)
    }
}
