// The data panel's views and the weight paths: keys, border words, what each view draws, and golden frames.
import TestSupport
@testable import Engine
import Plot
import Terminal
import XCTest
@testable import Trainer

final class FitViewTests: XCTestCase {
    private func key(_ character: Character) -> InputEvent { .key(.character(character)) }

    private func click(_ state: inout TrainerState, _ action: TrainerAction) -> [SessionCommand] {
        guard let item = state.toolbarItems().first(where: { $0.action == action }) else {
            XCTFail("no toolbar word for \(action)")
            return []
        }
        return state.handle(.mouse(button: .left, action: .press, x: item.area.x + 1, y: item.area.y))
    }

    private func state(features: [String], fitInput: String?) -> TrainerState {
        TrainerState(
            width: 80, height: 24, hyperparameters: Hyperparameters(), rowCount: 50, dataName: "d", featureNames: features,
            fitInputName: fitInput)
    }

    func testFCyclesTheViewsFromTheRightDefault() {
        var one = state(features: ["x"], fitInput: "x")
        XCTAssertEqual(one.dataView, .fit, "one input: the fit first")
        var seen: [DataView] = []
        for _ in 0..<3 {
            _ = one.handle(key("f"))
            seen.append(one.dataView)
        }
        XCTAssertEqual(seen, [.predictedActual, .residuals, .fit])

        var poly = state(features: ["x", "x^2", "x^3"], fitInput: "x")
        XCTAssertEqual(poly.dataView, .fit, "--poly on one feature is still one input")
        _ = click(&poly, .dataView)
        XCTAssertEqual(poly.dataView, .predictedActual, "the border word does what f does")

        var many = state(features: ["a", "b", "c"], fitInput: nil)
        XCTAssertEqual(many.dataView, .predictedActual, "several features: predicted vs actual first")
        _ = many.handle(key("f"))
        XCTAssertEqual(many.dataView, .partialFit)
        _ = many.handle(key("f"))
        XCTAssertEqual(many.dataView, .residuals)
        _ = many.handle(key("f"))
        XCTAssertEqual(many.dataView, .predictedActual)
    }

    func testOTogglesResidualsOnlyInTheFitView() {
        var one = state(features: ["x"], fitInput: "x")
        _ = one.handle(key("o"))
        XCTAssertTrue(one.showsResiduals)
        _ = click(&one, .residuals)
        XCTAssertFalse(one.showsResiduals, "the [residuals] word toggles too")
        _ = one.handle(key("f"))
        _ = one.handle(key("o"))
        XCTAssertFalse(one.showsResiduals)
        XCTAssertEqual(one.notice, "residual segments show in the Fit view (f)")
        var many = state(features: ["a", "b"], fitInput: nil)
        _ = many.handle(key("o"))
        XCTAssertFalse(many.showsResiduals)
        XCTAssertNotNil(many.notice)
    }

    func testParenthesesChooseThePartialFitFeatureAndStillTheLandscapeAxes() {
        var many = state(features: ["a", "b", "c"], fitInput: nil)
        _ = many.handle(key(")"))
        XCTAssertEqual(many.partialFeature, 0, "outside the partial-fit view ( and ) leave it")
        _ = many.handle(key("f"))
        _ = many.handle(key(")"))
        XCTAssertEqual(many.partialFeature, 1)
        _ = many.handle(key("("))
        _ = many.handle(key("("))
        XCTAssertEqual(many.partialFeature, 2, "wraps")
        _ = click(&many, .partialNext)
        XCTAssertEqual(many.partialFeature, 0)
        XCTAssertTrue(many.toolbarItems().contains { $0.text == "x: a" })
        _ = many.handle(key("v"))
        let axes = many.landscapeAxes
        _ = many.handle(key("("))
        XCTAssertNotEqual(many.landscapeAxes, axes, "with the landscape up they move its axes")
        XCTAssertEqual(many.partialFeature, 0)
    }

    func testWSwitchesToPathsAndAsksForTheClosedForm() {
        var one = state(features: ["x"], fitInput: "x")
        XCTAssertEqual(one.handle(key("W")), [.requestClosedForm])
        XCTAssertEqual(one.weightsView, .paths)
        XCTAssertTrue(one.toolbarItems().contains { $0.action == .weightsView && $0.text == "bars" })
        XCTAssertEqual(click(&one, .weightsView), [])
        XCTAssertEqual(one.weightsView, .bars)
        // z while the paths are up asks for the closed form of the new scaling, as c does.
        _ = one.handle(key("W"))
        XCTAssertTrue(one.handle(key("z")).contains(.requestClosedForm))
    }

    func testWeightPathLinesAreTheLargestByWStarWithTheRestHidden() {
        var many = state(features: ["a", "b", "c", "d", "e"], fitInput: nil)
        many.snapshot.weights = [0, 0, 0, 0, 0]
        many.snapshot.intercept = 0
        let optimum = ParameterTrajectory.Point(step: 0, weights: [1, -9, 3, 0.5, 7], intercept: 2)
        let ranked = WeightPathsPanel.ranked(state: many, current: nil, optimum: optimum)
        XCTAssertEqual(ranked.map(\.name), ["b", "e", "c", "b", "a", "d"], "by |w*|, the intercept (b) among them")
        XCTAssertEqual(ranked.map(\.marker), ["2", "5", "3", "b", "1", "4"], "markers by feature index, b for the intercept")
        XCTAssertEqual(WeightPathsPanel.lineCount(available: 6, height: 7), 4)
        let legend = WeightPathsPanel.legendLines(
            shown: Array(ranked.prefix(4)), hidden: ranked.dropFirst(4).map(\.name), mode: .ascii, width: 60)
        let text = legend.map { $0.map(\.0).joined() }.joined(separator: "\n")
        XCTAssertTrue(text.contains("hidden: a, d"), text)
        let byCurrent = WeightPathsPanel.ranked(
            state: many, current: .init(step: 9, weights: [5, 0, 0, 0, 1], intercept: -3), optimum: nil)
        XCTAssertEqual(byCurrent.prefix(3).map(\.name), ["a", "b", "e"], "before the closed form: by |w| now")
        // Distinct looks without colour: no two shown lines share a marker, and neighbours differ in pattern.
        XCTAssertEqual(Set(ranked.map(\.marker)).count, ranked.count)
    }

    func testUserThemesWithoutTheNewKeysTakeTheDefaultsStyles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "\"scatter.train\" = \"#112233\"\n\"fit.reference\" = \"#445566\"\n".write(
            to: directory.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(userDirectory: directory)
        let mine = try XCTUnwrap(catalog.index(of: "mine").map { catalog.theme(at: $0) })
        let fallback = Theme.builtInDefault.styles
        XCTAssertNotNil(fallback.styles[.fitLine])
        XCTAssertEqual(mine.styles.styles[.fitLine], fallback.styles[.fitLine], "missing: the default's")
        XCTAssertEqual(mine.styles.styles[StyleRole("weights.path.3")], fallback.styles[StyleRole("weights.path.3")])
        XCTAssertNotEqual(mine.styles.styles[.fitReference], fallback.styles[.fitReference], "set: its own")
        XCTAssertNil(try Theme(name: "bare", toml: "", file: "bare").styles.styles[.fitLine], "only the catalog fills in")
        for name in BuiltInThemes.names {
            let theme = try Theme(name: name, toml: BuiltInThemes.sources[name]!, file: name)
            for role in Theme.rolesWithDefaultFallback {
                XCTAssertNotNil(theme.styles.styles[role], "\(name) names \(role)")
            }
        }
    }

    // MARK: - Frames of real sessions

    func testFitViewShowsThePointsAndTheLineMovesOntoThem() throws {
        let early = try FitViewFixtures.frame(setup: FitViewFixtures.line(), steps: 3, width: 80, height: 24)
        let late = try FitViewFixtures.frame(setup: FitViewFixtures.line(), steps: 60, width: 80, height: 24)
        XCTAssertTrue(early.buffer.text.contains("Fit · y against x"), early.buffer.text)
        let layout = early.state.layout
        /// Mean distance in rows between the model line and the points in each column of the data panel.
        func gap(_ frame: (state: TrainerState, charts: ChartData, buffer: Buffer)) throws -> Double {
            let map = try XCTUnwrap(DataPanel(state: frame.state, charts: frame.charts).mapping(area: layout.prediction))
            let model = try XCTUnwrap(frame.charts.modelCurve)
            var total = 0.0
            for (x, y) in zip(frame.charts.trainInput, frame.charts.trainActual) {
                let line = ModelCurve.value(at: x, weights: frame.state.snapshot.weights, intercept: frame.state.snapshot.intercept)
                guard let a = map.cell(x: x, y: y), let b = map.cell(x: x, y: min(max(line, map.yAxis.lower), map.yAxis.upper)) else { continue }
                total += Double(abs(a.y - b.y))
            }
            XCTAssertEqual(model.xs.count, max(2, (layout.prediction.width - 2) * 2), "a sample per dot column")
            return total / Double(frame.charts.trainInput.count)
        }
        XCTAssertLessThan(try gap(late), try gap(early) / 2, "after training the line runs through the points")
        let fitLineCells = (0..<late.buffer.height).flatMap { y in (0..<late.buffer.width).map { (x: $0, y: y) } }
            .filter { late.buffer[$0.x, $0.y].role == .fitLine }
        XCTAssertGreaterThan(fitLineCells.count, 10)
    }

    func testGoldenFit80x24WithResidualsAndClosedForm() throws {
        let frame = try FitViewFixtures.frame(setup: FitViewFixtures.line(), steps: 8, width: 80, height: 24, comparing: true) {
            $0.showsResiduals = true
        }
        XCTAssertTrue(frame.buffer.text.contains("too many points"), "100 points in a 35-column plot: a note, not mud")
        golden.assertMatches(frame.buffer, named: "fit-80x24")
    }

    func testGoldenFitASCII80x24() throws {
        let frame = try FitViewFixtures.frame(setup: FitViewFixtures.line(), steps: 8, width: 80, height: 24, comparing: true, mode: .ascii)
        golden.assertMatches(frame.buffer, named: "fit-ascii-80x24")
    }

    func testGoldenPolynomialOverfit120x40() throws {
        let frame = try FitViewFixtures.frame(
            setup: try FitViewFixtures.polynomialOverfit(), steps: 400, width: 120, height: 40, comparing: true
        ) { $0.showsResiduals = true }
        XCTAssertTrue(frame.buffer.text.contains("⋮") || (0..<frame.buffer.height).contains { y in
            (0..<frame.buffer.width).contains { frame.buffer[$0, y].role == .fitResidual }
        }, "14 points: their residual segments are drawn")
        XCTAssertEqual(frame.state.dataView, .fit)
        // The closed-form degree-9 curve wiggles: its slope changes sign along the range (a line's never does);
        // the model's is a curve, not a line (its slope is not constant).
        let reference = try XCTUnwrap(frame.charts.referenceCurve)
        let slopes = zip(reference.ys.dropFirst(), reference.ys).map { $0 - $1 }
        XCTAssertTrue(slopes.contains { $0 > 0 } && slopes.contains { $0 < 0 }, "the closed-form curve wiggles")
        let model = try XCTUnwrap(frame.charts.modelCurve)
        let modelSlopes = zip(model.ys.dropFirst(), model.ys).map { $0 - $1 }
        XCTAssertGreaterThan(modelSlopes.max()! - modelSlopes.min()!, 0.01 * abs(modelSlopes.max()!), "the model bends")
        XCTAssertFalse(frame.charts.testInput.isEmpty, "the held-out points are drawn")
        golden.assertMatches(frame.buffer, named: "fit-poly9-120x40")
    }

    func testGoldenDiabetesPartialFitAndResiduals() throws {
        let partial = try FitViewFixtures.frame(setup: FitViewFixtures.diabetes, steps: 200, width: 120, height: 40, comparing: true) {
            _ = $0.handle(.key(.character("f")))
            _ = $0.handle(.key(.character(")")))
            _ = $0.handle(.key(.character(")")))
        }
        XCTAssertEqual(partial.state.dataView, .partialFit)
        XCTAssertTrue(partial.buffer.text.contains("Partial fit · bmi"), partial.buffer.text)
        golden.assertMatches(partial.buffer, named: "partial-fit-diabetes-120x40")
        let residuals = try FitViewFixtures.frame(setup: FitViewFixtures.diabetes, steps: 200, width: 80, height: 24) {
            $0.dataView = .residuals
        }
        XCTAssertTrue(residuals.buffer.text.contains("Residuals vs predicted"))
        XCTAssertEqual(residuals.charts.trainResiduals.count, residuals.charts.trainActual.count)
        golden.assertMatches(residuals.buffer, named: "residuals-diabetes-80x24")
    }

    func testGoldenWeightPathsDiabetes() throws {
        for (width, height) in [(80, 24), (120, 40)] {
            let frame = try FitViewFixtures.frame(setup: FitViewFixtures.diabetes, steps: 300, width: width, height: height, comparing: true) {
                $0.weightsView = .paths
            }
            XCTAssertTrue(frame.buffer.text.contains("Weights over steps"))
            XCTAssertGreaterThan(frame.charts.weightPaths.count, 2)
            golden.assertMatches(frame.buffer, named: "weight-paths-diabetes-\(width)x\(height)")
        }
    }
}
