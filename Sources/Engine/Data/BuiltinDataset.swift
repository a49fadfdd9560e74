// The data sets that need no file: a noisy line, a synthetic problem, diabetes, Longley and the teaching sets.
import CSVReader
import Foundation

/// A data set built into Descent.
public enum BuiltinDataset: String, CaseIterable, Sendable, Codable {
    /// One feature, a noisy straight line y = 2x + 3 + noise (the default).
    case line
    /// `rows` × `features` Gaussian features with a chosen condition number and a random true model.
    case synthetic
    /// 442 patients, ten baseline variables, disease progression a year later (Efron et al. 2004).
    case diabetes
    /// NIST's Longley data: six highly collinear macro-economic series, y = total employment.
    case longley
    /// Anscombe's quartet (1973): four sets of 11 points with the same line and R², chosen with `--part 1…4`.
    case anscombe
    /// A clean line plus three gross outliers at the right.
    case outliers
    /// A line whose noise grows with x.
    case heteroscedastic
    /// A smooth parabola: a line underfits, `--poly 2` fits.
    case curve
    /// Two groups each rising with x whose pooled slope falls (Simpson's paradox).
    case twoGroups = "two-groups"

    /// What the data set shows, in one line (for `--help`, the README and the title bar).
    public var summary: String {
        switch self {
        case .line: return "a noisy straight line y = 2x + 3"
        case .synthetic: return "Gaussian features with a chosen condition number"
        case .diabetes: return "442 patients, 10 baseline variables (Efron et al. 2004)"
        case .longley: return "NIST's Longley set, six collinear economic series"
        case .anscombe: return "Anscombe's quartet, same line and R², four pictures (--part 1…4)"
        case .outliers: return "a clean line plus three gross outliers that drag it down"
        case .heteroscedastic: return "a line whose noise grows with x"
        case .curve: return "a parabola, a line underfits and --poly 2 fits"
        case .twoGroups: return "Simpson's paradox, each group rises and the pooled slope falls"
        }
    }

    /// Builds the data set; `parameters` matter for the generated sets (and `part` for `anscombe`).
    /// `progress`, if given, counts the rows made of a synthetic set as they are made.
    public func make(_ parameters: SyntheticParameters, seed: UInt64, progress: LoadProgress? = nil) throws -> Dataset {
        switch self {
        case .line: return BuiltinDataset.line(parameters, seed: seed)
        case .synthetic: return BuiltinDataset.synthetic(parameters, seed: seed, progress: progress)
        case .diabetes: return try BuiltinDataset.bundled("diabetes", target: "progression")
        case .longley: return try BuiltinDataset.bundled("longley", target: "y")
        case .anscombe: return try BuiltinDataset.anscombe(part: parameters.part ?? 1)
        case .outliers: return BuiltinDataset.outliers(parameters, seed: seed)
        case .heteroscedastic: return BuiltinDataset.heteroscedastic(parameters, seed: seed)
        case .curve: return BuiltinDataset.curve(parameters, seed: seed)
        case .twoGroups: return BuiltinDataset.twoGroups(parameters, seed: seed)
        }
    }

    private static func line(_ parameters: SyntheticParameters, seed: UInt64) -> Dataset {
        var random = SeededGenerator(seed: seed)
        let n = parameters.rows ?? 100
        var x = [Double](), y = [Double]()
        x.reserveCapacity(n)
        y.reserveCapacity(n)
        for _ in 0..<n {
            let value = 10 * random.nextUnit()
            x.append(value)
            y.append(2 * value + 3 + parameters.noise * random.nextGaussian())
        }
        return Dataset(name: "line", featureNames: ["x"], targetName: "y", x: x, y: y)
    }

    /// X = Z·diag(s)·Qᵀ with Z Gaussian, s spaced geometrically from 1 to 1/κ and Q a random rotation, so
    /// the columns are correlated and κ(X) ≈ κ even after standardization; y = Xw + 1 + noise.
    private static func synthetic(_ parameters: SyntheticParameters, seed: UInt64, progress: LoadProgress? = nil) -> Dataset {
        var random = SeededGenerator(seed: seed)
        let n = parameters.rows ?? 1000, d = parameters.features
        var x = HugePageArray.zeros(count: n * d)
        for k in x.indices {
            x[k] = random.nextGaussian()
            if k % (d << 16) == 0 { progress?.make(rows: k / d) }
        }
        let kappa = parameters.conditionNumber
        if kappa > 1 && d > 1 {
            let scales = (0..<d).map { pow(kappa, -Double($0) / Double(d - 1)) }
            let rotation = randomRotation(size: d, random: &random)
            var row = [Double](repeating: 0, count: d)
            for i in 0..<n {
                for j in 0..<d { row[j] = x[i * d + j] * scales[j] }
                for k in 0..<d {
                    var sum = 0.0
                    for j in 0..<d { sum += row[j] * rotation[k * d + j] }
                    x[i * d + k] = sum
                }
            }
        }
        let trueWeights = (0..<d).map { _ in 4 * random.nextUnit() - 2 }
        var y = HugePageArray.zeros(count: n)
        for i in 0..<n {
            var sum = 1.0
            for j in 0..<d { sum += x[i * d + j] * trueWeights[j] }
            y[i] = sum + parameters.noise * random.nextGaussian()
        }
        return Dataset(name: "synthetic", featureNames: (0..<d).map { "x\($0 + 1)" }, targetName: "y", x: x, y: y)
    }

    /// A random orthogonal d × d matrix (row-major), by Gram–Schmidt on Gaussian rows.
    private static func randomRotation(size d: Int, random: inout SeededGenerator) -> [Double] {
        var q = [Double](repeating: 0, count: d * d)
        var k = 0
        while k < d {
            var v = (0..<d).map { _ in random.nextGaussian() }
            for p in 0..<k {
                var dot = 0.0
                for j in 0..<d { dot += v[j] * q[p * d + j] }
                for j in 0..<d { v[j] -= dot * q[p * d + j] }
            }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm < 1e-8 { continue }  // a draw nearly in the span so far: draw again
            for j in 0..<d { q[k * d + j] = v[j] / norm }
            k += 1
        }
        return q
    }

    static func bundled(_ name: String, target: String) throws -> Dataset {
        // Compiled in (not a resource bundle), so the binary works wherever it is copied.
        guard let source = EmbeddedDatasets.sources[name] else {
            throw DataError.missingBuiltin(name: name)
        }
        let table: CSVTable
        do { table = try CSVTable.parse(Data(source.utf8), file: "\(name).csv") } catch let error as CSVError { throw DataError.csv(error) }
        var dataset = try Dataset.fromCSV(table, target: target).dataset
        dataset.name = name
        return dataset
    }
}
