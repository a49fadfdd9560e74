// One fused two-thread pass over the data: centred residuals, their sum of squares and (X − 1mᵀ)ᵀr.

/// At coefficients w (original units), with r = (y − ȳ) − (X − 1mᵀ)·w: Σr², Σ(y − ȳ)² and g = (X − 1mᵀ)ᵀr.
///
/// Each entry is centred on its own (xᵢⱼ − mⱼ is exact when xᵢⱼ is within a factor two of mⱼ, the common case
/// for data far from zero), and sums run in blocks of rows. The dot products use four accumulators in a
/// fixed order, so the result does not depend on the thread count beyond the row partition.
struct CentredResidualPass: Sendable {
    var gradient: [Double]
    var residualSumOfSquares: Double
    var totalSumOfSquares: Double

    init(matrix x: [Double], target y: [Double], means: [Double], targetMean: Double, w: [Double], partition: RowPartition) throws {
        let d = means.count
        let parts = try partition.map { _, rows -> [Double] in
            var total = [Double](repeating: 0, count: d + 2)
            var block = [Double](repeating: 0, count: d + 2)
            var centred = [Double](repeating: 0, count: d)
            x.withUnsafeBufferPointer { xb in
                y.withUnsafeBufferPointer { yb in
                    means.withUnsafeBufferPointer { mb in
                        w.withUnsafeBufferPointer { wb in
                            block.withUnsafeMutableBufferPointer { bb in
                                centred.withUnsafeMutableBufferPointer { cb in
                                    let g = bb.baseAddress!, c = cb.baseAddress!, m = mb.baseAddress!, w = wb.baseAddress!
                                    var start = rows.lowerBound
                                    while start < rows.upperBound {
                                        let end = min(start + AugmentedGram.blockRows, rows.upperBound)
                                        for j in 0..<(d + 2) { g[j] = 0 }
                                        var rss = 0.0, tss = 0.0
                                        for i in start..<end {
                                            let row = xb.baseAddress! + i * d
                                            for j in 0..<d { c[j] = row[j] - m[j] }
                                            let target = yb[i] - targetMean
                                            let r = target - CentredResidualPass.dot(c, w, d)
                                            rss += r * r
                                            tss += target * target
                                            for j in 0..<d { g[j] += c[j] * r }
                                        }
                                        g[d] = rss
                                        g[d + 1] = tss
                                        for j in 0..<(d + 2) { total[j] += g[j] }
                                        start = end
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return total
        }
        var total = [Double](repeating: 0, count: d + 2)
        for part in parts { for j in 0..<(d + 2) { total[j] += part[j] } }
        gradient = Array(total[0..<d])
        residualSumOfSquares = total[d]
        totalSumOfSquares = total[d + 1]
    }

    /// a·b with four accumulators.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ d: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var j = 0
        while j + 4 <= d {
            s0 += a[j] * b[j]
            s1 += a[j + 1] * b[j + 1]
            s2 += a[j + 2] * b[j + 2]
            s3 += a[j + 3] * b[j + 3]
            j += 4
        }
        while j < d {
            s0 += a[j] * b[j]
            j += 1
        }
        return (s0 + s1) + (s2 + s3)
    }
}
