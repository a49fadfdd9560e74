// FitChart and ChartMapping: points in data units, curves over them, residual segments, and the shared mapping.
import Plot
import XCTest

final class FitChartTests: XCTestCase {
    private func render(_ chart: FitChart, width: Int = 40, height: Int = 14) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        chart.render(into: &buffer, area: buffer.area)
        return buffer
    }

    /// Cells drawn in `role`.
    private func cells(_ buffer: Buffer, role: StyleRole) -> [(x: Int, y: Int)] {
        var found: [(x: Int, y: Int)] = []
        for y in 0..<buffer.height {
            for x in 0..<buffer.width where buffer[x, y].role == role && buffer[x, y].character != " " {
                found.append((x, y))
            }
        }
        return found
    }

    func testMappingRoundTripsACellAndPlacesEveryPointInItsCell() {
        let xs: [Double] = [0, 1, 2, 3, 4, 5], ys: [Double] = [1, 3, 2, 5, 4, 6]
        let chart = FitChart(trainXs: xs, trainYs: ys, mode: .braille, showsLegend: false)
        let buffer = render(chart)
        let map = chart.mapping(area: buffer.area)
        XCTAssertFalse(map.plot.isEmpty)
        for (x, y) in zip(xs, ys) {
            let cell = try! XCTUnwrap(map.cell(x: x, y: y), "(\(x), \(y)) is on the plot")
            XCTAssertEqual(buffer[cell.x, cell.y].role, .scatterTrain, "a train point is drawn where the mapping says")
            // Back from the cell: the cell's centre is within one cell of the point in data units.
            let value = try! XCTUnwrap(map.value(atCellX: cell.x, y: cell.y))
            let cellWidth = (map.xAxis.upper - map.xAxis.lower) / Double(map.plot.width)
            let cellHeight = (map.yAxis.upper - map.yAxis.lower) / Double(map.plot.height)
            XCTAssertEqual(value.x, x, accuracy: cellWidth)
            XCTAssertEqual(value.y, y, accuracy: cellHeight)
            XCTAssertEqual(map.cell(x: value.x, y: value.y)?.x, cell.x)
            XCTAssertEqual(map.cell(x: value.x, y: value.y)?.y, cell.y)
        }
        XCTAssertNil(map.value(atCellX: map.plot.x - 1, y: map.plot.y), "the axis column is not in the plot")
        XCTAssertNil(map.cell(x: 100, y: 0), "far outside the axis range")
    }

    func testModelLineIsDrawnOverThePointsAndTheReferenceIsDashed() {
        let xs = (0..<50).map { Double($0) / 5 }
        let ys = xs.map { 2 * $0 + 1 }
        let line = FitChart.Curve(name: "model", role: .fitLine, xs: [0, 10], ys: [1, 21])
        let reference = FitChart.Curve(name: "closed form", role: .fitReference, pattern: .dashed, xs: [0, 10], ys: [5, 5])
        let buffer = render(FitChart(trainXs: xs, trainYs: ys, curves: [line, reference], mode: .braille), width: 60, height: 16)
        let model = cells(buffer, role: .fitLine), dashed = cells(buffer, role: .fitReference)
        XCTAssertGreaterThan(model.count, 10, "the model line is drawn")
        XCTAssertGreaterThan(dashed.count, 5, "the reference is drawn")
        // A horizontal reference: one row, with gaps (dashed), not a solid run across the plot.
        XCTAssertEqual(Set(dashed.filter { $0.y > 0 }.map(\.y)).count, 1, "the reference is a horizontal line")
        let map = FitChart(trainXs: xs, trainYs: ys, curves: [line, reference], mode: .braille).mapping(area: buffer.area)
        XCTAssertLessThan(dashed.filter { $0.y > 0 }.count, map.plot.width, "dashed: gaps between the dashes")
        XCTAssertTrue(buffer.lines[0].contains("model") && buffer.lines[0].contains("closed form"), buffer.lines[0])
    }

    func testResidualSegmentsRunFromEachPointToTheModelAndAreOmittedOnManyPoints() {
        // Three points far off a flat model at y = 0: each gets a vertical segment.
        let xs: [Double] = [1, 5, 9], ys: [Double] = [10, -10, 10], model: [Double] = [0, 0, 0]
        let flat = FitChart.Curve(name: "model", role: .fitLine, xs: [0, 10], ys: [0, 0])
        let on = FitChart(trainXs: xs, trainYs: ys, curves: [flat], residuals: .init(model: model), mode: .ascii)
        let buffer = render(on)
        let segments = cells(buffer, role: .fitResidual)
        XCTAssertGreaterThan(segments.count, 6, "three segments of several cells each")
        let map = on.mapping(area: buffer.area)
        for x in xs {
            let column = try! XCTUnwrap(map.cell(x: x, y: 0)).x
            XCTAssertTrue(segments.contains { $0.x == column }, "a segment in the column of x = \(x)")
        }
        XCTAssertTrue(cells(render(FitChart(trainXs: xs, trainYs: ys, curves: [flat], mode: .ascii)), role: .fitResidual).isEmpty)

        let many = (0..<(FitChart.residualLimit + 1)).map(Double.init)
        let crowded = FitChart(
            trainXs: many, trainYs: many.map { $0.truncatingRemainder(dividingBy: 7) }, residuals: .init(model: many.map { _ in 3 }),
            mode: .braille)
        XCTAssertTrue(crowded.residualsOmitted(in: Rect(x: 0, y: 0, width: 400, height: 40)), "over the limit at any width")
        let hundred = (0..<100).map(Double.init)
        let narrow = FitChart(trainXs: hundred, trainYs: hundred, residuals: .init(model: hundred), mode: .braille)
        XCTAssertTrue(narrow.residualsOmitted(in: Rect(x: 0, y: 0, width: 40, height: 14)), "more points than dot columns")
        XCTAssertFalse(narrow.residualsOmitted(in: Rect(x: 0, y: 0, width: 120, height: 14)))
        let text = render(crowded, width: 60, height: 14)
        XCTAssertTrue(cells(text, role: .fitResidual).isEmpty, "no mud")
        XCTAssertTrue(text.text.contains(FitChart.tooManyPointsNote), text.text)
    }

    func testTheYRangeFollowsThePointsNotAWildCurve() {
        let xs: [Double] = [0, 1, 2, 3], ys: [Double] = [0, 1, 2, 3]
        let wild = FitChart.Curve(name: "model", role: .fitLine, xs: [0, 1.5, 3], ys: [0, 1e6, 3])
        let chart = FitChart(trainXs: xs, trainYs: ys, curves: [wild], mode: .braille)
        let map = chart.mapping(area: Rect(x: 0, y: 0, width: 40, height: 14))
        XCTAssertLessThan(map.yAxis.upper, 10, "the axis is the points' range, the curve is clipped")
        let buffer = render(chart)
        XCTAssertFalse(cells(buffer, role: .fitLine).isEmpty, "the clipped curve still shows")
    }

    func testTestPointsAreMarkedApartAndEmptyDataSaysSo() {
        let buffer = render(FitChart(trainXs: [0, 1], trainYs: [0, 1], testXs: [0.5], testYs: [0.5], mode: .braille))
        XCTAssertFalse(cells(buffer, role: .scatterTest).isEmpty)
        XCTAssertTrue(buffer.text.contains("×"))
        XCTAssertTrue(render(FitChart(trainXs: [], trainYs: [])).text.contains("no data"))
        // Every size down to nothing renders without a crash.
        for width in 0..<12 { for height in 0..<6 { _ = render(FitChart(trainXs: [1, 2], trainYs: [3, 4]), width: width, height: height) } }
    }
}
