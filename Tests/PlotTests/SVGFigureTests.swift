// The vector figures: well-formed SVG, the expected series, points where the axes put them, one golden each.
import Foundation
import Plot
import XCTest

final class SVGFigureTests: XCTestCase {
    /// Two loss curves and a ghost over 0…100 steps, the optimum at 0.5.
    private var lossFigure: SVGLineFigure {
        let steps = (0...100).map(Double.init)
        return SVGLineFigure(
            title: "Loss", subtitle: "line · gd", series: [
                Series(name: "1: ghost gd lr 0.01", role: .ghost, marker: "1", marksLine: true, xs: steps, ys: steps.map { 0.5 + 40 * exp(-$0 / 60) }),
                Series(name: "train", role: .lossTrain, xs: steps, ys: steps.map { 0.5 + 40 * exp(-$0 / 10) }),
                Series(name: "test", role: .lossTest, pattern: .dashed, xs: steps, ys: steps.map { 0.6 + 40 * exp(-$0 / 10) }),
            ], referenceLines: [ReferenceLine(value: 0.5, label: "loss* 0.5")], yScale: .logarithmic, xName: "step",
            yName: "MSE", xIsWhole: true)
    }

    private var barFigure: SVGBarFigure {
        SVGBarFigure(
            title: "Weights", bars: [
                BarChart.Bar(name: "age", value: 2.5, reference: 3),
                BarChart.Bar(name: "bmi", value: -1.25, reference: -1.5),
                BarChart.Bar(name: "bp", value: 0.5),
            ], valueName: "coefficient", note: "intercept b = 1 · b* = 1.1")
    }

    private var scatterFigure: SVGScatterFigure {
        let actual = (0..<50).map { Double($0) }
        return SVGScatterFigure(
            title: "Predicted vs actual", train: .init(actual: actual, predicted: actual.map { $0 * 0.9 + 2 }),
            test: .init(actual: [10, 20, 30], predicted: [12, 18, 33]), targetName: "y")
    }

    /// 30 train and 3 test rows around y = 2x + 1, the model's line over them and the closed form's dashed.
    private var fitFigure: SVGFitFigure {
        let xs = (0..<30).map { Double($0) / 3 }
        var figure = SVGFitFigure(
            title: "Fit · y against x", subtitle: "line · gd", trainXs: xs, trainYs: xs.map { 2 * $0 + 1 + ($0.truncatingRemainder(dividingBy: 2) - 1) },
            testXs: [1.5, 4.5, 7.5], testYs: [4.5, 9, 16.5], xName: "x", yName: "y")
        let axis = figure.xAxis
        let steps = (0...100).map { axis.lower + (axis.upper - axis.lower) * Double($0) / 100 }
        figure.curves = [
            FitChart.Curve(name: "model (line)", role: .fitLine, xs: steps, ys: steps.map { 1.8 * $0 + 1.5 }),
            FitChart.Curve(name: "closed form", role: .fitReference, pattern: .dashed, xs: steps, ys: steps.map { 2 * $0 + 1 }),
        ]
        return figure
    }

    /// The bowl f = (x − 1)² + 4(y + 1)², sampled on a 40 × 30 grid.
    private static func bowl(columns: Int = 40, rows: Int = 30) -> ScalarGrid {
        ScalarGrid(xRange: -2...4, yRange: -3...1, columns: columns, rows: rows, function: { x, y in (x - 1) * (x - 1) + 4 * (y + 1) * (y + 1) })
    }

    private var contourFigure: SVGContourFigure {
        SVGContourFigure(
            title: "Loss landscape", grid: Self.bowl(), path: [(x: -1.5, y: 0.5), (x: 0, y: -0.5), (x: 0.8, y: -0.9)],
            optimum: (x: 1, y: -1), xName: "w", yName: "b", note: "data units")
    }

    func testLossFigureHasEverySeriesAndPlacesPointsThroughTheAxes() throws {
        let figure = lossFigure
        let svg = figure.svg()
        let elements = try XCTUnwrap(SVGElements.parse(svg), "not well-formed XML")
        XCTAssertEqual(elements.first?.name, "svg")
        XCTAssertEqual(elements.first?.attributes["width"], "160mm", "a printable size")
        let series = elements.withClass("series")
        XCTAssertEqual(series.map { $0.attributes["data-name"] ?? "" }, ["1: ghost gd lr 0.01", "train", "test"], "ghosts drawn first")
        XCTAssertEqual(series.map { pointCount(ofPath: $0.attributes["d"] ?? "") }, [101, 101, 101])
        // The screen's dashes: test is dashed (4 on, 4 off dot columns, 2 units each), train solid.
        XCTAssertEqual(series[2].attributes["stroke-dasharray"], "8 8")
        XCTAssertNil(series[1].attributes["stroke-dasharray"])
        // train's first point is (0, 40.5) through the frame's transform (log y).
        let frame = figure.frame
        let first = try XCTUnwrap(firstPoint(ofPath: series[1].attributes["d"] ?? ""))
        XCTAssertEqual(first.x, try XCTUnwrap(frame.x(0)), accuracy: 0.006)
        XCTAssertEqual(first.y, try XCTUnwrap(frame.y(40.5)), accuracy: 0.006)
        XCTAssertEqual(first.x, frame.plotLeft, accuracy: 0.006, "x fits the data exactly: step 0 at the left edge")
        // On a log axis 40.5 and 0.5 are log10(81) decades apart: check the transform itself.
        let span = try XCTUnwrap(frame.y(0.5)) - (try XCTUnwrap(frame.y(40.5)))
        XCTAssertEqual(span / frame.plotHeight, log10(81) / (frame.yAxis.upper - frame.yAxis.lower), accuracy: 1e-9)
        let reference = try XCTUnwrap(elements.withClass("reference").first)
        XCTAssertEqual(try number(reference, "y1"), try XCTUnwrap(frame.y(0.5)), accuracy: 0.006)
        // Real axes: tick labels are Plot's own ticks, and there is a legend naming every line.
        let labels = elements.filter { $0.name == "text" }.map(\.text)
        for tick in frame.yAxis.ticks(maxCount: max(2, Int(frame.plotHeight / 40)), labelWidth: 9) {
            XCTAssertTrue(labels.contains(tick.label), "no tick label \(tick.label)")
        }
        for name in ["train", "test", "loss* 0.5", "step", "MSE (log scale)"] { XCTAssertTrue(labels.contains(name), name) }
        XCTAssertTrue(labels.contains("1"), "the ghost's number at its line's end")
        assertSVG(svg, matchesGolden: "figure-loss")
    }

    func testBarFigureDrawsABarAndAReferencePerWeight() throws {
        let figure = barFigure
        let svg = figure.svg()
        let elements = try XCTUnwrap(SVGElements.parse(svg))
        let bars = elements.withClass("bar")
        XCTAssertEqual(bars.count, 3)
        XCTAssertEqual(elements.withClass("reference").count, 2, "bp has no w*")
        let frame = figure.frame
        // bmi = −1.25: its bar runs from −1.25 to zero.
        let bmi = try XCTUnwrap(bars.first { $0.attributes["data-name"] == "bmi" })
        XCTAssertEqual(try number(bmi, "x"), try XCTUnwrap(frame.x(-1.25)), accuracy: 0.006)
        XCTAssertEqual(try number(bmi, "width"), try XCTUnwrap(frame.x(0)) - frame.x(-1.25)!, accuracy: 0.011)
        XCTAssertEqual(bmi.attributes["fill"], SVGPalette.colour(.weightNegative))
        XCTAssertTrue(elements.contains { $0.text == "intercept b = 1 · b* = 1.1" })
        assertSVG(svg, matchesGolden: "figure-weights")
    }

    func testScatterFigureDrawsEveryRowOnSharedAxes() throws {
        let figure = scatterFigure
        let svg = figure.svg()
        let elements = try XCTUnwrap(SVGElements.parse(svg))
        let train = elements.withClass("train").filter { $0.name == "circle" }, test = elements.withClass("test").filter { $0.name == "rect" }
        XCTAssertEqual(train.count, 50)
        XCTAssertEqual(test.count, 3)
        let frame = figure.frame
        XCTAssertEqual(frame.xAxis, frame.yAxis, "one range on both axes, so y = x is the diagonal")
        // Row 10: actual 10, predicted 11.
        XCTAssertEqual(try number(train[10], "cx"), try XCTUnwrap(frame.x(10)), accuracy: 0.006)
        XCTAssertEqual(try number(train[10], "cy"), try XCTUnwrap(frame.y(11)), accuracy: 0.006)
        XCTAssertEqual(elements.withClass("diagonal").count, 1)
        assertSVG(svg, matchesGolden: "figure-data")
    }

    func testFitFigureDrawsThePointsInDataUnitsWithTheModelAndTheDashedClosedForm() throws {
        let figure = fitFigure
        let svg = figure.svg()
        let elements = try XCTUnwrap(SVGElements.parse(svg), "not well-formed XML")
        let train = elements.withClass("train").filter { $0.name == "circle" }, test = elements.withClass("test").filter { $0.name == "rect" }
        XCTAssertEqual(train.count, 30)
        XCTAssertEqual(test.count, 3, "test rows as squares")
        let frame = figure.frame
        // Train row 6: x = 2, y = 2·2 + 1 + (0 − 1) = 4, in the data's own units.
        XCTAssertEqual(try number(train[6], "cx"), try XCTUnwrap(frame.x(2)), accuracy: 0.006)
        XCTAssertEqual(try number(train[6], "cy"), try XCTUnwrap(frame.y(4)), accuracy: 0.006)
        // The second test square is centred on (4.5, 9).
        XCTAssertEqual(try number(test[1], "x") + 2.4, try XCTUnwrap(frame.x(4.5)), accuracy: 0.011)
        XCTAssertEqual(try number(test[1], "y") + 2.4, try XCTUnwrap(frame.y(9)), accuracy: 0.011)
        let curves = elements.withClass("curve")
        XCTAssertEqual(curves.map { $0.attributes["data-name"] ?? "" }, ["model (line)", "closed form"])
        XCTAssertEqual(curves.map { pointCount(ofPath: $0.attributes["d"] ?? "") }, [101, 101], "densely sampled, unbroken")
        XCTAssertNil(curves[0].attributes["stroke-dasharray"], "the model is solid")
        XCTAssertEqual(curves[1].attributes["stroke-dasharray"], SVGPalette.dashArray(.dashed), "the closed form dashed, as on screen")
        // The model starts at the x axis's left end, at 1.8·lower + 1.5.
        let start = try XCTUnwrap(firstPoint(ofPath: curves[0].attributes["d"] ?? ""))
        XCTAssertEqual(start.x, frame.plotLeft, accuracy: 0.006)
        XCTAssertEqual(start.y, try XCTUnwrap(frame.y(1.8 * frame.xAxis.lower + 1.5)), accuracy: 0.006)
        let labels = elements.filter { $0.name == "text" }.map(\.text)
        for name in ["train", "test", "model (line)", "closed form", "x", "y", "30 train rows, 3 test rows"] {
            XCTAssertTrue(labels.contains(name), name)
        }
        for tick in frame.xAxis.ticks(maxCount: max(2, Int(frame.plotWidth / 70)), labelWidth: 9) {
            XCTAssertTrue(labels.contains(tick.label), "no tick label \(tick.label)")
        }
        assertSVG(svg, matchesGolden: "figure-fit")
    }

    func testFitFigureFollowsThePointsAndClipsAWildCurve() throws {
        let xs = (0..<10).map(Double.init)
        let wild = FitChart.Curve(name: "model", role: .fitLine, xs: xs, ys: xs.map { pow($0 - 4.5, 9) })
        let figure = SVGFitFigure(title: "wild", trainXs: xs, trainYs: xs, curves: [wild], xName: "x", yName: "y")
        let frame = figure.frame
        XCTAssertLessThanOrEqual(frame.yAxis.upper, 12, "the y axis follows the points, not a degree-9 curve")
        let d = try XCTUnwrap(SVGElements.parse(figure.svg())?.withClass("curve").first?.attributes["d"])
        let ys = d.split(whereSeparator: { $0 == "M" || $0 == "L" }).compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }
        XCTAssertEqual(ys.count, 10)
        for y in ys {
            XCTAssertGreaterThanOrEqual(y, frame.plotTop - frame.plotHeight - 0.006, "pulled to a plot height above the edge")
            XCTAssertLessThanOrEqual(y, frame.plotTop + 2 * frame.plotHeight + 0.006)
        }
    }

    func testScatterThinsLargeSetsAndSaysSo() throws {
        let actual = (0..<10_000).map(Double.init)
        let svg = SVGScatterFigure(title: "big", train: .init(actual: actual, predicted: actual), targetName: "y").svg()
        let elements = try XCTUnwrap(SVGElements.parse(svg))
        XCTAssertEqual(elements.filter { $0.name == "circle" && $0.classes.contains("train") }.count, 3334, "every 3rd of 10,000")
        XCTAssertEqual(elements.withClass("note").first?.text, "10000 train rows; one row in 3 shown")
    }

    func testContourFigureDrawsLevelsPathAndOptimum() throws {
        let figure = contourFigure
        let svg = figure.svg()
        let elements = try XCTUnwrap(SVGElements.parse(svg))
        XCTAssertEqual(elements.withClass("contour").count, 14)
        let path = try XCTUnwrap(elements.withClass("path").first)
        XCTAssertEqual(pointCount(ofPath: path.attributes["d"] ?? ""), 3)
        let frame = figure.frame
        let start = try XCTUnwrap(firstPoint(ofPath: path.attributes["d"] ?? ""))
        XCTAssertEqual(start.x, try XCTUnwrap(frame.x(-1.5)), accuracy: 0.006)
        XCTAssertEqual(start.y, try XCTUnwrap(frame.y(0.5)), accuracy: 0.006)
        let optimum = try XCTUnwrap(elements.withClass("optimum").first?.attributes["d"])
        // The diamond's top corner sits straight above (1, −1).
        let top = try XCTUnwrap(firstPoint(ofPath: optimum))
        XCTAssertEqual(top.x, try XCTUnwrap(frame.x(1)), accuracy: 0.006)
        XCTAssertEqual(top.y + 7, try XCTUnwrap(frame.y(-1)), accuracy: 0.006)
        assertSVG(svg, matchesGolden: "figure-landscape")
    }

    func testContourSegmentsLieOnTheLevelSet() {
        let grid = Self.bowl(columns: 80, rows: 60)
        for level in [0.5, 2.0, 5.0] {
            let segments = ContourLines.segments(of: grid, level: level)
            XCTAssertGreaterThan(segments.count, 20)
            for segment in segments {
                for p in [segment.from, segment.to] {
                    let f = (p.x - 1) * (p.x - 1) + 4 * (p.y + 1) * (p.y + 1)
                    // Linear interpolation on a 0.075 × 0.067 lattice: within a few percent of the level.
                    XCTAssertEqual(f, level, accuracy: 0.03 * level + 0.01)
                }
            }
        }
        XCTAssertTrue(ContourLines.segments(of: grid, level: -1).isEmpty, "below the minimum: no line")
        let levels = ContourLines.levels(of: grid, count: 3, logarithmic: true)
        XCTAssertEqual(levels.count, 3)
        XCTAssertEqual(log10(levels[1]) - log10(levels[0]), log10(levels[2]) - log10(levels[1]), accuracy: 1e-12, "log-spaced")
    }

    func testDashArraysAreTheScreenPatterns() {
        for pattern in LinePattern.allCases {
            let dashes = pattern.dashes
            guard !dashes.isEmpty else {
                XCTAssertTrue((0..<48).allSatisfy(pattern.draws(column:)), "\(pattern) is solid")
                continue
            }
            let period = dashes.reduce(0, +)
            var column = 0
            for (index, run) in (dashes + dashes).enumerated() {
                for _ in 0..<run {
                    XCTAssertEqual(pattern.draws(column: column), index % 2 == 0, "\(pattern) at column \(column)")
                    column += 1
                }
            }
            XCTAssertEqual(column, 2 * period)
        }
    }

    func testTextIsEscapedAndControlBytesDropped() throws {
        let svg = SVGLineFigure(
            title: "a < b & \"c\"\u{1B}[31m", series: [Series(name: "x<y>", role: .lossTrain, xs: [0, 1], ys: [1, 2])],
            xName: "step", yName: "loss").svg()
        let elements = try XCTUnwrap(SVGElements.parse(svg))
        XCTAssertTrue(elements.contains { $0.text == "a < b & \"c\" [31m" })
        XCTAssertFalse(svg.contains("\u{1B}"))
    }

    func testNumbersHaveAtMostTwoDecimals() {
        XCTAssertEqual(SVGDocument.number(12.5), "12.5")
        XCTAssertEqual(SVGDocument.number(-3), "-3")
        XCTAssertEqual(SVGDocument.number(1.005), "1")
        XCTAssertEqual(SVGDocument.number(-0.001), "0")
        XCTAssertEqual(SVGDocument.number(2.346), "2.35")
        XCTAssertEqual(SVGDocument.number(.nan), "0")
    }

    private func number(_ element: SVGElements.Element, _ attribute: String) throws -> Double {
        try XCTUnwrap(element.attributes[attribute].flatMap(Double.init), "no number in \(attribute)")
    }
}
