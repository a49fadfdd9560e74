// The data sets that teach, and the presets built on them, do what their descriptions and comments say.
import XCTest
import Engine

final class TeachingDatasetsTests: XCTestCase {
    private static let presetDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Presets")

    private func preset(_ name: String) throws -> Preset {
        try Preset.load(path: Self.presetDirectory.appendingPathComponent(name + ".toml").path)
    }

    /// The engine's closed-form line on `data`: slope(s), intercept and R² = 1 − MSE / Var(y).
    private func closedForm(_ data: Dataset) throws -> (weights: [Double], intercept: Double, rSquared: Double) {
        let solution = try ClosedFormComparison.solve(train: data, test: nil, fitIntercept: true, l2: 0, standardized: true)
        let y = Array(data.y), mean = y.reduce(0, +) / Double(y.count)
        let variance = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(y.count)
        return (solution.weights, try XCTUnwrap(solution.intercept), 1 - solution.trainLoss / variance)
    }

    private func dataset(_ builtin: BuiltinDataset, part: Int? = nil, seed: UInt64 = 0) throws -> Dataset {
        try builtin.make(SyntheticParameters(part: part), seed: seed)
    }

    /// Rows `keep` of a one-feature data set.
    private func rows(_ data: Dataset, _ keep: some Sequence<Int>) -> Dataset {
        let x = Array(data.x), y = Array(data.y)
        let kept = Array(keep)
        return Dataset(name: data.name, featureNames: data.featureNames, targetName: data.targetName, x: kept.map { x[$0] }, y: kept.map { y[$0] })
    }

    // MARK: Anscombe

    func testEveryAnscombePartHasThePublishedSummary() throws {
        var lines: [String] = []
        for part in 1...4 {
            let data = try dataset(.anscombe, part: part)
            XCTAssertEqual(data.name, "anscombe \(part)")
            XCTAssertEqual(data.featureNames, ["x"])
            XCTAssertEqual(data.rowCount, 11)
            let x = Array(data.x), y = Array(data.y)
            XCTAssertEqual(x.reduce(0, +) / 11, 9, accuracy: 1e-12, "mean x, part \(part)")
            XCTAssertEqual(y.reduce(0, +) / 11, 7.50, accuracy: 0.005, "mean y, part \(part)")
            let fit = try closedForm(data)
            XCTAssertEqual(fit.weights[0], 0.500, accuracy: 0.0005, "slope, part \(part)")
            XCTAssertEqual(fit.intercept, 3.00, accuracy: 0.005, "intercept, part \(part)")
            XCTAssertEqual(fit.rSquared, 0.67, accuracy: 0.005, "R², part \(part)")
            lines.append(String(format: "%.2f %.2f %.2f", fit.weights[0], fit.intercept, fit.rSquared))
        }
        XCTAssertEqual(Set(lines), ["0.50 3.00 0.67"], "the same line and R² to 2 decimals in every part")
        // …and four different pictures: the parts' y values are not the same.
        let ys = try (1...4).map { Array(try dataset(.anscombe, part: $0).y) }
        XCTAssertEqual(Set(ys.map { $0.description }).count, 4)
    }

    func testAnscombeDefaultsToPartOneAndRefusesOtherParts() throws {
        XCTAssertEqual(Array(try dataset(.anscombe).y), Array(try dataset(.anscombe, part: 1).y))
        for part in [0, 5, -1] {
            let spec = DataSpecification(source: .builtin(.anscombe), synthetic: .init(part: part))
            XCTAssertEqual(spec.problem()?.option, "--part", "part \(part)")
            XCTAssertThrowsError(try spec.load())
        }
        let line = DataSpecification(source: .builtin(.line), synthetic: .init(part: 2))
        XCTAssertEqual(line.problem()?.option, "--part")
        XCTAssertNil(DataSpecification(source: .builtin(.anscombe), synthetic: .init(part: 4)).problem())
    }

    func testABadPartInAPresetNamesFileLineAndKey() {
        func message(_ text: String) -> String {
            do {
                _ = try Preset.parse(text, file: "lesson.toml")
                return "no error"
            } catch { return "\(error)" }
        }
        let outOfRange = message("name = \"a\"\n[data]\ndataset = \"anscombe\"\npart = 5\n")
        XCTAssertTrue(outOfRange.hasPrefix("lesson.toml:4"), outOfRange)
        XCTAssertTrue(outOfRange.contains("data.part") && outOfRange.contains("1 to 4"), outOfRange)
        let wrongSet = message("name = \"a\"\n[data]\ndataset = \"curve\"\npart = 2\n")
        XCTAssertTrue(wrongSet.hasPrefix("lesson.toml:"), wrongSet)
        XCTAssertTrue(wrongSet.contains("part") && wrongSet.contains("anscombe"), wrongSet)
        XCTAssertEqual(message("name = \"a\"\n[data]\ndataset = \"anscombe\"\npart = 2\n"), "no error")
    }

    // MARK: Generated sets

    func testGeneratedSetsAreDeterministicForASeed() throws {
        for builtin in [BuiltinDataset.outliers, .heteroscedastic, .curve, .twoGroups] {
            let a = try dataset(builtin, seed: 7), b = try dataset(builtin, seed: 7), c = try dataset(builtin, seed: 8)
            XCTAssertEqual(Array(a.x), Array(b.x), builtin.rawValue)
            XCTAssertEqual(Array(a.y), Array(b.y), builtin.rawValue)
            XCTAssertNotEqual(Array(a.y), Array(c.y), builtin.rawValue)
            XCTAssertEqual(a.featureNames, ["x"], builtin.rawValue)
            XCTAssertFalse(builtin.summary.isEmpty)
            XCTAssertNotNil(builtin.titleNote(part: nil))
        }
    }

    func testOutliersPullTheCleanSlopeDown() throws {
        let data = try dataset(.outliers)
        XCTAssertEqual(data.rowCount, 63)
        let clean = try closedForm(rows(data, 0..<60)), all = try closedForm(data)
        XCTAssertEqual(clean.weights[0], 2, accuracy: 0.15, "the clean points follow y = 2x + 3")
        XCTAssertLessThan(all.weights[0], clean.weights[0] - 0.3, "three outliers in 63 drag the slope down")
        XCTAssertLessThan(all.rSquared, clean.rSquared - 0.3)
    }

    func testHeteroscedasticNoiseGrowsWithX() throws {
        let data = try dataset(.heteroscedastic, seed: 0)
        let x = Array(data.x), y = Array(data.y)
        func spread(_ range: ClosedRange<Double>) -> Double {
            let residuals = zip(x, y).filter { range.contains($0.0) }.map { $0.1 - (2 * $0.0 + 3) }
            return (residuals.reduce(0) { $0 + $1 * $1 } / Double(residuals.count)).squareRoot()
        }
        XCTAssertGreaterThan(spread(7...10), 3 * spread(0...3), "the right third is far noisier than the left")
    }

    func testTwoGroupsReverseTheSlopeWhenPooled() throws {
        let data = try dataset(.twoGroups)
        let half = data.rowCount / 2
        let pooled = try closedForm(data).weights[0]
        let first = try closedForm(rows(data, 0..<half)).weights[0]
        let second = try closedForm(rows(data, half..<data.rowCount)).weights[0]
        XCTAssertGreaterThan(first, 0)
        XCTAssertGreaterThan(second, 0)
        XCTAssertLessThan(pooled, 0, "Simpson's paradox: pooled slope \(pooled), groups \(first) and \(second)")
    }

    // MARK: Presets

    func testOneOutlierMovesTheSlopeByTheStatedAmount() throws {
        let loaded = try preset("one-outlier").setup.data.load().train
        XCTAssertEqual(loaded.name, "anscombe 3")
        let with = try closedForm(loaded)
        let x = Array(loaded.x), y = Array(loaded.y)
        let outlier = try XCTUnwrap((0..<x.count).first { x[$0] == 13 && y[$0] == 12.74 })
        let without = try closedForm(rows(loaded, (0..<11).filter { $0 != outlier }))
        // The comment: ten points on y = 4.01 + 0.345x; with the eleventh, y = 3.00 + 0.500x; the slope moves 0.154.
        XCTAssertEqual(without.weights[0], 0.345, accuracy: 0.0005)
        XCTAssertEqual(without.intercept, 4.01, accuracy: 0.005)
        XCTAssertEqual(without.rSquared, 1, accuracy: 1e-5, "the other ten lie on a line")
        XCTAssertEqual(with.weights[0], 0.500, accuracy: 0.0005)
        XCTAssertEqual(with.intercept, 3.00, accuracy: 0.005)
        XCTAssertEqual(with.weights[0] - without.weights[0], 0.154, accuracy: 0.0005)
    }

    func testALineOnACurveUnderfitsAndPolyTwoFixesIt() throws {
        var setup = try preset("line-on-a-curve").setup
        XCTAssertEqual(setup.data.polynomialDegree, 1)
        let line = try closedForm(try setup.data.load().train).rSquared
        setup.data.polynomialDegree = 2
        let parabola = try closedForm(try setup.data.load().train).rSquared
        // The comment: R² 0.46 for the line, 0.96 with --poly 2.
        XCTAssertEqual(line, 0.46, accuracy: 0.005)
        XCTAssertEqual(parabola, 0.96, accuracy: 0.005)
        // The line's residuals arc: positive at both ends, negative in the middle.
        let data = try preset("line-on-a-curve").setup.data.load().train
        let fit = try closedForm(data)
        let residuals = zip(Array(data.x), Array(data.y)).map { (x: $0.0, r: $0.1 - (fit.intercept + fit.weights[0] * $0.0)) }
        func mean(_ range: ClosedRange<Double>) -> Double {
            let inside = residuals.filter { range.contains($0.x) }.map(\.r)
            return inside.reduce(0, +) / Double(inside.count)
        }
        XCTAssertGreaterThan(mean(0...1.5), 0)
        XCTAssertLessThan(mean(3...6), 0)
        XCTAssertGreaterThan(mean(8.5...10), 0)
    }

    func testTheAnscombePresetGivesEveryPartTheSameLine() throws {
        var setup = try preset("anscombe").setup
        XCTAssertEqual(setup.data.synthetic.part, 1)
        var summaries: Set<String> = []
        for part in 1...4 {
            setup.data.synthetic.part = part
            let fit = try closedForm(try setup.data.load().train)
            summaries.insert(String(format: "slope %.2f intercept %.2f R² %.2f", fit.weights[0], fit.intercept, fit.rSquared))
        }
        XCTAssertEqual(summaries, ["slope 0.50 intercept 3.00 R² 0.67"])
    }

    func testSimpsonsParadoxPresetPoolsToANegativeSlope() throws {
        let data = try preset("simpsons-paradox").setup.data.load().train
        let pooled = try closedForm(data).weights[0]
        XCTAssertEqual(pooled, -1, accuracy: 0.1, "the comment: about −1")
        let half = data.rowCount / 2
        for group in [0..<half, half..<data.rowCount] {
            XCTAssertEqual(try closedForm(rows(data, group)).weights[0], 1, accuracy: 0.2, "each group rises with slope +1")
        }
    }

    func testPresetsTrainToTheClosedFormLine() throws {
        for name in ["one-outlier", "line-on-a-curve", "anscombe", "simpsons-paradox"] {
            let setup = try preset(name).setup
            let loaded = try setup.data.load()
            var run = setup.makeRun(loaded)
            while run.outcome == nil { run.takeStep() }
            run.refreshLosses()
            let closed = try closedForm(loaded.train)
            XCTAssertEqual(run.trainMetrics().rSquared, closed.rSquared, accuracy: 1e-6, name)
        }
    }
}
