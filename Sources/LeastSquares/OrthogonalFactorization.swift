// SVD of the scaled design A = U·Σ·Vᵀ, with U kept implicit through the tall-skinny QR when A is tall.

/// A = U·Σ·Vᵀ with the numerical rank; U is Q·U_R (QR then SVD of R) for tall A, explicit for wide A.
struct OrthogonalFactorization: Sendable {
    enum Basis: Sendable {
        case tallSkinny(TallSkinnyQR, uR: [Double])
        case explicit(u: [Double], rows: Int)
    }

    let basis: Basis
    let columnCount: Int
    /// Singular values of A (ridge rows included), descending; k = min(m, d) of them.
    let sigma: [Double]
    /// Vᵀ, k × d column-major.
    let vt: [Double]
    /// Singular values of the scaled data rows alone, descending.
    let dataSingularValues: [Double]
    /// R of the scaled data rows (dataRRows × d, column-major): Σ·Vᵀ·C of it gives the design's σ's.
    let dataR: [Double]
    let dataRRows: Int
    /// Numerical rank of the scaled, centred design: σᵢ > σ₁·max(n, d)·ε.
    let dataRank: Int
    /// Singular triplets the corrections use: all nonzero ones with ridge, else the numerical rank.
    let solveRank: Int

    var k: Int { sigma.count }

    init(design: ScaledDesignOperator, partition: RowPartition) throws {
        let d = design.columnCount, n = design.dataRowCount
        columnCount = d
        if design.rowCount >= d {
            let qr = try TallSkinnyQR(design: design, partition: partition)
            var r = qr.r
            let svd = try LapackCall.thinSVD(rows: d, columns: d, &r)
            basis = .tallSkinny(qr, uR: svd.u)
            sigma = svd.sigma
            vt = svd.vt
            dataR = qr.dataR
            dataRRows = qr.dataRRows
            if design.hasRidgeRows {
                var copy = qr.dataR
                dataSingularValues = try LapackCall.singularValues(rows: qr.dataRRows, columns: d, &copy)
            } else {
                dataSingularValues = svd.sigma
            }
        } else {
            let block = design.block(rows: 0..<n)
            var copy = block
            let svd = try LapackCall.thinSVD(rows: n, columns: d, &copy)
            basis = .explicit(u: svd.u, rows: n)
            sigma = svd.sigma
            vt = svd.vt
            dataR = block
            dataRRows = n
            dataSingularValues = svd.sigma
        }
        let largest = dataSingularValues.first ?? 0
        let tolerance = largest * Double(max(n, d)) * Double.ulpOfOne
        dataRank = largest > 0 ? dataSingularValues.filter { $0 > tolerance }.count : 0
        solveRank = design.hasRidgeRows ? sigma.filter { $0 > 0 }.count : dataRank
    }

    /// U_rᵀ·f for the first `solveRank` left singular vectors.
    func projectOnto(_ f: [Double]) throws -> [Double] {
        let r = solveRank
        switch basis {
        case .tallSkinny(let qr, let uR):
            let c = try qr.coordinates(of: f)
            let d = columnCount
            return (0..<r).map { i in (0..<d).reduce(0.0) { $0 + uR[i * d + $1] * c[$1] } }
        case .explicit(let u, let m):
            return (0..<r).map { i in (0..<m).reduce(0.0) { $0 + u[i * m + $1] * f[$1] } }
        }
    }

    /// U_r·t: the m-vector with coordinates t on the first `solveRank` left singular vectors.
    func expand(_ t: [Double]) throws -> [Double] {
        switch basis {
        case .tallSkinny(let qr, let uR):
            let d = columnCount
            let v = (0..<d).map { l in t.indices.reduce(0.0) { $0 + uR[$1 * d + l] * t[$1] } }
            return try qr.expand(v)
        case .explicit(let u, let m):
            return (0..<m).map { l in t.indices.reduce(0.0) { $0 + u[$1 * m + l] * t[$1] } }
        }
    }

    /// V_rᵀ·g.
    func rightCoordinates(_ g: [Double]) -> [Double] {
        (0..<solveRank).map { i in (0..<columnCount).reduce(0.0) { $0 + vt[$1 * k + i] * g[$1] } }
    }

    /// V_r·y.
    func rightExpand(_ y: [Double]) -> [Double] {
        (0..<columnCount).map { j in y.indices.reduce(0.0) { $0 + vt[j * k + $1] * y[$1] } }
    }
}
