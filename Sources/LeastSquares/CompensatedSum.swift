// Float80 sums of exact products (Dekker's TwoProduct, Knuth's TwoSum): about 128 bits where 64 are too few.

/// An accumulator that keeps Σ aᵢ·bᵢ as an unevaluated Float80 pair (hi + lo), each product split exactly.
///
/// Large-residual problems (NIST Wampler5) need Aᵀs to better than Float80's 64 bits: its terms cancel
/// to zero at the optimum, so the rounding of each product decides the last digits of the answer.
struct CompensatedSum {
    private(set) var hi: Float80 = 0
    private(set) var lo: Float80 = 0

    var value: Float80 { hi + lo }

    /// Veltkamp split at 32 bits: a = high + low exactly, each half with at most 32 significant bits.
    @inline(__always)
    private static func split(_ a: Float80) -> (Float80, Float80) {
        let c = a * 4_294_967_297  // 2³² + 1
        let high = c - (c - a)
        return (high, a - high)
    }

    /// Adds a·b exactly (up to the final rounding of the pair).
    @inline(__always)
    mutating func addProduct(_ a: Float80, _ b: Float80) {
        let p = a * b
        let (ah, al) = Self.split(a), (bh, bl) = Self.split(b)
        let e = ((ah * bh - p) + ah * bl + al * bh) + al * bl
        add(p)
        lo += e
    }

    /// Adds x with TwoSum, carrying the rounding error into `lo`.
    @inline(__always)
    mutating func add(_ x: Float80) {
        let s = hi + x
        let bb = s - hi
        lo += (hi - (s - bb)) + (x - bb)
        hi = s
    }
}
