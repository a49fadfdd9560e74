// Minimum-norm correction in original units: projects w onto the row space of the centred design.

/// For a rank-deficient design, many w fit equally well; the one with least ‖w‖ (original units, intercept
/// outside the norm, as scikit-learn) is the orthogonal projection of any fit onto the row space of X_c.
enum MinimumNormProjection {
    /// Row space of X_c = X_s·C is span(C·V_r), V_r the top right singular vectors of the scaled X_s.
    static func project(
        _ w: [Float80], rightSingularVectors vt: [Double], vtRows k: Int, rank r: Int, scales: [Float80]
    ) throws -> [Float80] {
        let d = w.count
        guard r > 0 else { return Array(repeating: 0, count: d) }
        var basis = [Double](repeating: 0, count: d * r)
        for i in 0..<r { for j in 0..<d { basis[i * d + j] = vt[j * k + i] * Double(scales[j]) } }
        let tau = try LapackCall.householderQR(rows: d, columns: r, &basis)
        var coordinates = w.map { Double($0) }
        try LapackCall.applyHouseholderQ(rows: d, columns: r, basis, tau, transposed: true, &coordinates)
        for j in r..<d { coordinates[j] = 0 }
        try LapackCall.applyHouseholderQ(rows: d, columns: r, basis, tau, transposed: false, &coordinates)
        return coordinates.map { Float80($0) }
    }
}
