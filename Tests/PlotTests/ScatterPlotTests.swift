// Golden frames and behaviour of ScatterPlot: diagonal, density, train vs test shapes, many points.
import TestSupport
import Plot
import XCTest

final class ScatterPlotTests: XCTestCase {
    /// Deterministic pseudo-random numbers in 0..<1 (a linear congruential generator), so frames are stable.
    private struct Noise {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    private func points(_ n: Int, seed: UInt64, spread: Double) -> ScatterPlot.Points {
        var noise = Noise(state: seed)
        var actual: [Double] = [], predicted: [Double] = []
        for _ in 0..<n {
            let a = 50 + 250 * noise.next()
            actual.append(a)
            predicted.append(a + spread * (noise.next() + noise.next() - 1))
        }
        return ScatterPlot.Points(actual: actual, predicted: predicted)
    }

    private func render(_ plot: ScatterPlot, width: Int, height: Int) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        plot.render(into: &buffer, area: buffer.area)
        return buffer
    }

    private func chart(_ mode: RenderMode) -> ScatterPlot {
        ScatterPlot(title: "Predicted vs actual", train: points(300, seed: 1, spread: 60),
                    test: points(40, seed: 2, spread: 80), mode: mode)
    }

    func testBraille() {
        golden.assertMatches(render(chart(.braille), width: 50, height: 20), named: "scatter-braille")
    }

    func testHalfBlock() {
        golden.assertMatches(render(chart(.halfBlock), width: 50, height: 20), named: "scatter-halfblock")
    }

    func testASCII() {
        golden.assertMatches(render(chart(.ascii), width: 50, height: 20), named: "scatter-ascii")
    }

    func testTrainAndTestDifferInShapeAndRole() {
        let plot = ScatterPlot(
            train: .init(actual: [0], predicted: [0]), test: .init(actual: [10], predicted: [10]), mode: .ascii,
            showsDiagonal: false, showsLegend: false)
        let buffer = render(plot, width: 30, height: 12)
        let cells = buffer.cells.filter { $0.role == .scatterTrain || $0.role == .scatterTest }
        XCTAssertEqual(cells.count, 2, buffer.text)
        let train = cells.first { $0.role == .scatterTrain }, test = cells.first { $0.role == .scatterTest }
        XCTAssertNotNil(train)
        XCTAssertNotNil(test)
        XCTAssertNotEqual(train?.character, test?.character)
    }

    func testDensityRampsWithCount() {
        // 1 point in one place, 1000 in another: the busy cell gets the densest, bold glyph.
        let actual = [1.0] + Array(repeating: 9.0, count: 1000)
        let plot = ScatterPlot(train: .init(actual: actual, predicted: actual), mode: .halfBlock,
                               showsDiagonal: false, showsLegend: false)
        let buffer = render(plot, width: 30, height: 12)
        let glyphs = buffer.cells.filter { $0.role == .scatterTrain }
        XCTAssertEqual(Set(glyphs.map(\.character)), ["·", "█"], buffer.text)
        XCTAssertEqual(glyphs.count, 2, buffer.text)
        XCTAssertTrue(glyphs.contains { $0.character == "█" && $0.attributes.contains(.bold) })
    }

    func testHundredThousandPointsKeepTheDiagonalShape() {
        let many = points(100_000, seed: 3, spread: 10)
        let buffer = render(ScatterPlot(train: many, mode: .braille, showsDiagonal: false, showsLegend: false),
                            width: 80, height: 24)
        var trainCells: [(x: Int, y: Int)] = []
        for y in 0..<buffer.height {
            for x in 0..<buffer.width where buffer[x, y].role == .scatterTrain { trainCells.append((x, y)) }
        }
        XCTAssertGreaterThan(trainCells.count, 60)
        // All points lie near y = x: the top-left and bottom-right corners of the plot stay empty.
        XCTAssertFalse(trainCells.contains { $0.x < 20 && $0.y < 8 }, buffer.text)
        XCTAssertFalse(trainCells.contains { $0.x > 60 && $0.y > 14 }, buffer.text)
        // The crowded middle of the band is bold.
        XCTAssertTrue(trainCells.contains { buffer[$0.x, $0.y].attributes.contains(.bold) })
    }

    func testEmptyShowsAxesAndNoData() {
        let buffer = render(ScatterPlot(train: .init(actual: [], predicted: [])), width: 30, height: 10)
        XCTAssertTrue(buffer.text.contains("no data"))
        XCTAssertTrue(buffer.text.contains("└"))
    }

    func testNaNAndInfinitySkipped() {
        let plot = ScatterPlot(train: .init(actual: [.nan, 1, .infinity, 2], predicted: [1, .nan, 3, 2]),
                               mode: .ascii, showsDiagonal: false, showsLegend: false)
        let buffer = render(plot, width: 30, height: 10)
        XCTAssertEqual(buffer.cells.filter { $0.role == .scatterTrain }.count, 1, buffer.text)
        XCTAssertFalse(buffer.text.contains("nan"))
    }
}
