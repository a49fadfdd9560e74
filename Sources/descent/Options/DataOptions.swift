// Command-line options that choose and shape the data (shared by the trainer, `fit` and `race`).
import ArgumentParser
import Engine

/// Where the rows come from and how they are prepared. Numeric options take the next word unconditionally, so a
/// negative value meets its range check instead of reading as a missing value.
struct DataOptions: ParsableArguments {
    /// The long names of the options below, for telling which were typed (a preset or a recording yields to
    /// them, or refuses them). CommandLineTests checks every option `fit` and the trainer have against it.
    static let optionNames = [
        "dataset", "part", "target", "features", "rows", "noise", "condition", "poly", "test-fraction", "seed", "no-intercept",
        "no-standardize",
    ]

    @Argument(help: "A CSV file with a header row (comma, semicolon or tab separated).")
    var file: String?

    @Option(help: ArgumentHelp(
        "A built-in data set (default: line). "
            + BuiltinDataset.allCases.map { "\($0.rawValue): \($0.summary)" }.joined(separator: "; ") + ".",
        valueName: "NAME"))
    var dataset: BuiltinDataset?

    @Option(parsing: .unconditional, help: ArgumentHelp("Which of Anscombe's four sets, 1…4, for --dataset anscombe (default 1).", valueName: "N"))
    var part: Int?

    @Option(help: "The target column (default: the last column).")
    var target: String?

    @Option(help: ArgumentHelp(
        "Feature columns, comma-separated (default: every other numeric column). For --dataset synthetic: the number of features (default 5).",
        valueName: "A,B,… | COUNT"))
    var features: String?

    @Option(parsing: .unconditional, help: "Rows of generated data (line, heteroscedastic: 100; synthetic: 1000; outliers, curve, two-groups: 60).")
    var rows: Int?

    @Option(parsing: .unconditional, help: "Standard deviation of the noise in generated data.")
    var noise: Double = 1

    @Option(parsing: .unconditional, help: "Condition number of the synthetic features (1: uncorrelated).")
    var condition: Double = 1

    @Option(parsing: .unconditional, help: "Expand each feature into its powers 1…D (columns named x, x^2, …).")
    var poly: Int = 1

    @Option(
        name: .customLong("test-fraction"), parsing: .unconditional,
        help: "Hold out this fraction of rows as a seeded test set.")
    var testFraction: Double = 0

    @Option(parsing: .unconditional, help: "Seeds generated data, the split, shuffling and random initial weights.")
    var seed: UInt64 = 0

    @Flag(name: .customLong("no-intercept"), help: "Fit through the origin.")
    var noIntercept = false

    @Flag(name: .customLong("no-standardize"), help: "Train on the raw features instead of z-scores.")
    var noStandardize = false

    /// The data recipe these options describe; throws `DataError` naming the option on nonsense.
    func specification() throws -> DataSpecification {
        let source: DataSpecification.Source
        switch (file, dataset) {
        case (let file?, nil): source = .csv(path: file)
        case (nil, let builtin): source = .builtin(builtin ?? .line)
        case (_?, _?): throw DataError.invalidOption(option: "--dataset", reason: "give a CSV file or --dataset, not both")
        }
        var synthetic = SyntheticParameters(rows: rows, noise: noise, conditionNumber: condition, part: part)
        var featureList: [String]?
        if let features {
            if case .builtin(.synthetic) = source {
                guard let count = Int(features), count >= 1, count <= 10_000 else {
                    throw DataError.invalidOption(
                        option: "--features", reason: "for --dataset synthetic, a feature count from 1 to 10000, got '\(features)'")
                }
                synthetic.features = count
            } else {
                featureList = features.split(separator: ",", omittingEmptySubsequences: false)
                    .map { String($0).trimmingCharacters(in: .whitespaces) }
                if featureList!.contains("") {
                    throw DataError.invalidOption(option: "--features", reason: "an empty name in '\(features)'")
                }
            }
        }
        return DataSpecification(
            source: source, synthetic: synthetic, target: target, features: featureList, polynomialDegree: poly,
            testFraction: testFraction, seed: seed, fitIntercept: !noIntercept, standardize: !noStandardize)
    }
}

extension BuiltinDataset: ExpressibleByArgument {}
