// Finds groups of numerically collinear columns from the null space of the scaled design, and names them.

/// Columns j and l belong together when the null-space projector I − V_r·V_rᵀ couples them.
enum CollinearColumns {
    /// Groups (sorted column indices) of columns that take part in a numerical linear dependence.
    static func groups(rightSingularVectors vt: [Double], vtRows k: Int, rank r: Int, columnCount d: Int) -> [[Int]] {
        guard r < d else { return [] }
        // P = I − V_r V_rᵀ; |P_jl|² / (P_jj P_ll) is the squared cosine between the null-space images of e_j, e_l.
        var p = [Double](repeating: 0, count: d * d)
        for j in 0..<d {
            for l in 0..<d {
                var dot = 0.0
                for i in 0..<r { dot += vt[j * k + i] * vt[l * k + i] }
                p[j * d + l] = (j == l ? 1 : 0) - dot
            }
        }
        let involved = (0..<d).filter { p[$0 * d + $0] > 1e-8 }
        var group = [Int: Int]()
        for j in involved { group[j] = j }
        func root(_ j: Int) -> Int {
            var j = j
            while group[j]! != j { j = group[j]! }
            return j
        }
        for a in involved {
            for b in involved where b > a {
                let coupling = p[a * d + b] * p[a * d + b] / (p[a * d + a] * p[b * d + b])
                if coupling > 1e-8 { group[root(b)] = root(a) }
            }
        }
        var byRoot = [Int: [Int]]()
        for j in involved { byRoot[root(j), default: []].append(j) }
        return byRoot.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// One line per group, naming its columns (at most eight, then a count).
    static func warnings(
        groups: [[Int]], names: [String], isConstant: [Bool], fitIntercept: Bool, ridge: Bool
    ) -> [String] {
        groups.map { group in
            if group.count == 1 {
                let j = group[0]
                if isConstant[j] {
                    return fitIntercept
                        ? "column \(names[j]) is constant: it duplicates the intercept; its coefficient is 0"
                        : "column \(names[j]) is all zeros; its coefficient is 0"
                }
                return "column \(names[j]) is numerically zero; its coefficient is 0"
            }
            let shown = group.prefix(8).map { names[$0] }.joined(separator: ", ")
            let more = group.count > 8 ? " and \(group.count - 8) more" : ""
            let outcome = ridge ? "the ridge penalty picks one solution" : "the minimum-norm solution is reported"
            return "columns \(shown)\(more) are collinear: \(outcome)"
        }
    }
}
