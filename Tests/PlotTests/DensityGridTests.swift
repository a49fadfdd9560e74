// DensityGrid against the per-point path it replaces: the same cells, counts and dots, rounding edges included.
@testable import Plot
import XCTest

final class DensityGridTests: XCTestCase {
    /// Counts and dot patterns built the slow way: `Axis.dot`, `DotCanvas.cellPosition` and `DotCanvas.plot`.
    private func reference(
        xs: [Double], ys: [Double], axis: Axis, mode: RenderMode, columns: Int, rows: Int
    ) -> (counts: [UInt32], canvas: DotCanvas) {
        var canvas = DotCanvas(mode: mode, columns: columns, rows: rows)
        var counts = [UInt32](repeating: 0, count: columns * rows)
        for i in 0..<min(xs.count, ys.count) {
            guard let x = axis.dot(xs[i], dots: canvas.dotWidth), let y = axis.dot(ys[i], dots: canvas.dotHeight),
                let cell = canvas.cellPosition(x: x, y: y)
            else { continue }
            counts[cell.row * columns + cell.column] += 1
            canvas.plot(x: x, y: y, role: .scatterTrain)
        }
        return (counts, canvas)
    }

    /// Values that land exactly on, or one ulp beside, the half-dot boundaries where rounding decides.
    private func edgeValues(axis: Axis, dots: Int) -> [Double] {
        var values: [Double] = [.nan, .infinity, -.infinity, axis.lower, axis.upper, -1e300, 1e300]
        let step = (axis.upper - axis.lower) / Double(dots - 1)
        for k in -2...(dots + 1) {
            let v = axis.lower + (Double(k) - 0.5) * step
            values += [v, v.nextUp, v.nextDown, axis.lower + Double(k) * step]
        }
        return values
    }

    private func assertMatchesReference(
        xs: [Double], ys: [Double], axis: Axis, mode: RenderMode, columns: Int, rows: Int, line: UInt = #line
    ) {
        let grid = DensityGrid(xs: xs, ys: ys, axis: axis, mode: mode, columns: columns, rows: rows, recordsDots: true)
        let (counts, canvas) = reference(xs: xs, ys: ys, axis: axis, mode: mode, columns: columns, rows: rows)
        XCTAssertEqual(grid.counts, counts, "\(mode) \(columns)×\(rows)", line: line)
        for row in 0..<rows {
            for column in 0..<columns {
                let pattern = grid.patterns[row * columns + column]
                XCTAssertEqual(pattern, canvas.pattern(column: column, row: row), "\(mode) cell \(column),\(row)", line: line)
            }
        }
    }

    func testRandomPointsLandWhereDotCanvasPutsThem() {
        var state: UInt64 = 12345
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let xs = (0..<5_000).map { _ in next() * 14 - 2 }
        let ys = xs.map { $0 + next() * 4 - 2 }
        let axis = Axis(from: 0, to: 10)
        for mode in RenderMode.allCases {
            for (columns, rows) in [(1, 1), (3, 2), (17, 9), (40, 12)] {
                assertMatchesReference(xs: xs, ys: ys, axis: axis, mode: mode, columns: columns, rows: rows)
            }
        }
    }

    func testRoundingEdgesAndNonFiniteValuesMatch() {
        let axis = Axis(from: -3.7, to: 11.3)
        for mode in RenderMode.allCases {
            let (columns, rows) = (9, 5)
            let xValues = edgeValues(axis: axis, dots: columns * mode.dotsPerCell.x)
            let yValues = edgeValues(axis: axis, dots: rows * mode.dotsPerCell.y)
            var xs: [Double] = [], ys: [Double] = []
            for x in xValues {
                for y in yValues {
                    xs.append(x)
                    ys.append(y)
                }
            }
            assertMatchesReference(xs: xs, ys: ys, axis: axis, mode: mode, columns: columns, rows: rows)
        }
    }

    func testLogarithmicAxisSkipsValuesWithoutAPlace() {
        let axis = Axis(scale: .logarithmic, from: 0.01, to: 1000)
        let xs: [Double] = [0.01, 0.5, 3, 10, 999, 0, -4, .nan, 1e9]
        let ys: [Double] = [0.02, 0.7, 2, 0, 1000, 5, 5, 5, 5]
        assertMatchesReference(xs: xs, ys: ys, axis: axis, mode: .braille, columns: 6, rows: 4)
        let grid = DensityGrid(xs: xs, ys: ys, axis: axis, mode: .braille, columns: 6, rows: 4, recordsDots: false)
        XCTAssertEqual(grid.counts.reduce(0, +), 4)
        XCTAssertTrue(grid.patterns.isEmpty)
    }

    func testEmptyCanvasCountsNothing() {
        let grid = DensityGrid(xs: [1, 2], ys: [1, 2], axis: Axis(from: 0, to: 3), mode: .braille, columns: 0, rows: 5,
                               recordsDots: true)
        XCTAssertTrue(grid.counts.isEmpty)
    }

    func testMergeEqualsPlottingEachDot() {
        for mode in RenderMode.allCases {
            var plotted = DotCanvas(mode: mode, columns: 1, rows: 1)
            plotted.line(from: (0, 0), to: (plotted.dotWidth - 1, plotted.dotHeight - 1), role: .diagonal, marker: "/")
            var merged = plotted
            plotted.plot(x: 0, y: plotted.dotHeight - 1, role: .scatterTrain, marker: ".")
            let grid = DensityGrid(xs: [0], ys: [1], axis: Axis(from: 0, to: 1), mode: mode, columns: 1, rows: 1,
                                   recordsDots: true)
            merged.merge(pattern: grid.patterns[0], column: 0, row: 0, role: .scatterTrain, marker: ".")
            XCTAssertEqual(merged.pattern(column: 0, row: 0), plotted.pattern(column: 0, row: 0), "\(mode)")
            XCTAssertEqual(merged.character(column: 0, row: 0), plotted.character(column: 0, row: 0), "\(mode)")
            var a = Buffer(width: 1, height: 1), b = Buffer(width: 1, height: 1)
            merged.render(into: &a, area: a.area)
            plotted.render(into: &b, area: b.area)
            XCTAssertEqual(a, b, "\(mode)")
        }
    }
}
