// The data sets that teach: Anscombe's quartet (bundled) and four seeded ones, each built to show one lesson.
import Foundation

extension BuiltinDataset {
    /// What the title bar adds after a teaching set's name (short, for 80 columns); nil for the others.
    public func titleNote(part: Int?) -> String? {
        switch self {
        case .anscombe:
            let notes = ["a noisy line", "a smooth curve", "a line and one outlier", "one far point sets the slope"]
            return "same line and R², " + notes[min(max((part ?? 1) - 1, 0), 3)]
        case .outliers: return "three gross outliers"
        case .heteroscedastic: return "noise grows with x"
        case .curve: return "a line underfits, try --poly 2"
        case .twoGroups: return "Simpson's paradox"
        case .line, .synthetic, .diabetes, .longley: return nil
        }
    }

    /// Rows of a generated teaching set when `--rows` is not given.
    static let teachingRows = 60

    /// One of Anscombe's four sets (columns xK, yK of Datasets/anscombe.csv), named "anscombe K".
    static func anscombe(part: Int) throws -> Dataset {
        var dataset = try bundled("anscombe", target: "y\(part)")
        dataset = try dataset.reselected(target: "y\(part)", features: ["x\(part)"])
        dataset.featureNames = ["x"]
        dataset.targetName = "y"
        dataset.name = "anscombe \(part)"
        return dataset
    }

    /// `rows` points of y = 2x + 3 + noise on x in [0, 10], then three gross outliers 25 below the line at
    /// x = 8.5, 9 and 9.5 (always the last three rows), which pull the fitted slope down.
    static func outliers(_ parameters: SyntheticParameters, seed: UInt64) -> Dataset {
        var random = SeededGenerator(seed: seed)
        var x = [Double](), y = [Double]()
        for _ in 0..<(parameters.rows ?? teachingRows) {
            let value = 10 * random.nextUnit()
            x.append(value)
            y.append(2 * value + 3 + parameters.noise * random.nextGaussian())
        }
        for value in [8.5, 9, 9.5] {
            x.append(value)
            y.append(2 * value + 3 - outlierDrop)
        }
        return Dataset(name: "outliers", featureNames: ["x"], targetName: "y", x: x, y: y)
    }

    /// How far below the clean line the outliers sit.
    static let outlierDrop = 25.0

    /// y = 2x + 3 + noise · (0.2 + 0.6x) · N(0, 1) on x in [0, 10]: the spread grows twelve-fold across the range.
    static func heteroscedastic(_ parameters: SyntheticParameters, seed: UInt64) -> Dataset {
        var random = SeededGenerator(seed: seed)
        var x = [Double](), y = [Double]()
        for _ in 0..<(parameters.rows ?? 100) {
            let value = 10 * random.nextUnit()
            x.append(value)
            y.append(2 * value + 3 + parameters.noise * (0.2 + 0.6 * value) * random.nextGaussian())
        }
        return Dataset(name: "heteroscedastic", featureNames: ["x"], targetName: "y", x: x, y: y)
    }

    /// y = 0.5(x − 4)² + 2 + noise on x in [0, 10]: a parabola whose vertex is off-centre, so a line tilts and
    /// underfits while a degree-2 polynomial explains nearly everything.
    static func curve(_ parameters: SyntheticParameters, seed: UInt64) -> Dataset {
        var random = SeededGenerator(seed: seed)
        var x = [Double](), y = [Double]()
        for _ in 0..<(parameters.rows ?? teachingRows) {
            let value = 10 * random.nextUnit()
            x.append(value)
            y.append(0.5 * (value - 4) * (value - 4) + 2 + parameters.noise * random.nextGaussian())
        }
        return Dataset(name: "curve", featureNames: ["x"], targetName: "y", x: x, y: y)
    }

    /// Two groups of `rows / 2` points (the first half is group A): A on x in [0, 4] around y = 12, B on x in
    /// [6, 10] around y = 4, each rising with slope 1. Pooled, the gap between the groups wins and the slope falls.
    static func twoGroups(_ parameters: SyntheticParameters, seed: UInt64) -> Dataset {
        var random = SeededGenerator(seed: seed)
        let half = max(1, (parameters.rows ?? teachingRows) / 2)
        var x = [Double](), y = [Double]()
        for (start, level) in [(0.0, 12.0), (6.0, 4.0)] {
            for _ in 0..<half {
                let offset = 4 * random.nextUnit()
                x.append(start + offset)
                y.append(level + (offset - 2) + parameters.noise * 0.5 * random.nextGaussian())
            }
        }
        return Dataset(name: "two-groups", featureNames: ["x"], targetName: "y", x: x, y: y)
    }
}
