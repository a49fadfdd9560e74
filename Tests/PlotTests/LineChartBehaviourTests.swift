// LineChart behaviour: empty, constant and NaN data, decimation, buckets, log axis, smoothing, roles.
import TestSupport
import Foundation
import Plot
import XCTest

final class LineChartBehaviourTests: XCTestCase {
    private func render(_ chart: LineChart, width: Int, height: Int) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        chart.render(into: &buffer, area: buffer.area)
        return buffer
    }

    /// Cells in the plot that show a given role.
    private func cells(_ buffer: Buffer, role: StyleRole) -> [(x: Int, y: Int)] {
        var out: [(x: Int, y: Int)] = []
        for y in 0..<buffer.height { for x in 0..<buffer.width where buffer[x, y].role == role { out.append((x, y)) } }
        return out
    }

    func testEmptyDataShowsAxesAndNoData() {
        let buffer = render(LineChart(title: "Loss", series: [Series(name: "train", role: .lossTrain, xs: [], ys: [])]),
                            width: 40, height: 10)
        golden.assertMatches(buffer, named: "line-empty")
        XCTAssertTrue(buffer.text.contains("no data"))
    }

    func testConstantDataIsAFlatLineInTheMiddle() {
        let xs = (0..<50).map(Double.init)
        let buffer = render(LineChart(series: [Series(name: "c", role: .lossTrain, xs: xs, ys: xs.map { _ in 3 })],
                                      mode: .ascii, showsLegend: false), width: 40, height: 12)
        golden.assertMatches(buffer, named: "line-constant-ascii")
        let rows = Set(cells(buffer, role: .lossTrain).map(\.y))
        XCTAssertEqual(rows.count, 1, buffer.text)
    }

    func testNaNAndInfinitePointsAreSkipped() {
        let xs: [Double] = [0, 1, 2, 3, .nan, 5]
        let ys: [Double] = [1, .nan, .infinity, 2, 7, 3]
        let buffer = render(LineChart(series: [Series(name: "s", role: .lossTrain, xs: xs, ys: ys)], mode: .ascii),
                            width: 30, height: 10)
        XCTAssertFalse(buffer.text.lowercased().contains("nan"))
        // The y axis fits 1…3, not 7 (that point had no x) nor infinity.
        XCTAssertFalse(buffer.text.contains("7"), buffer.text)
        XCTAssertFalse(cells(buffer, role: .lossTrain).isEmpty)
    }

    /// A million points of flat noise with one spike: min/max decimation keeps the spike in its column.
    func testDecimationOfAMillionPointsKeepsASpike() {
        let n = 1_000_000
        let xs = (0..<n).map(Double.init)
        var ys = xs.map { 1 + 0.01 * sin($0) }
        ys[654_321] = 50
        let chart = LineChart(series: [Series(name: "loss", role: .lossTrain, xs: xs, ys: ys)], mode: .ascii,
                              showsLegend: false)
        let buffer = render(chart, width: 60, height: 20)
        let top = cells(buffer, role: .lossTrain).min { $0.y < $1.y }!
        // The spike reaches the row labelled 50, in the column at its share of the width.
        XCTAssertEqual(top.y, buffer.lines.firstIndex { $0.hasPrefix("50+") }, buffer.text)
        let axisRow = Array(buffer.lines[18])
        let plotX = axisRow.firstIndex(of: "+")! + 1
        let expected = plotX + Int((654_321.0 / 999_999.0 * Double(60 - plotX - 1)).rounded())
        XCTAssertEqual(top.x, expected, buffer.text)
        // Its column is drawn from the spike down to the flat line in the bottom plot row (17).
        XCTAssertEqual(cells(buffer, role: .lossTrain).filter { $0.x == expected }.count, 17 - top.y + 1, buffer.text)
    }

    func testBucketsDrawLikeTheirPoints() {
        // Buckets of 10 points each, and the raw points: same frame at this size.
        let xs = (0..<400).map(Double.init)
        let ys = xs.map { 5 * exp(-$0 / 80) + ($0.truncatingRemainder(dividingBy: 37) == 0 ? 1 : 0) }
        let buckets = stride(from: 0, to: 400, by: 10).map { i in
            Series.Bucket(x0: xs[i], x1: xs[i + 9], min: ys[i..<i + 10].min()!, max: ys[i..<i + 10].max()!, last: ys[i + 9])
        }
        let fromBuckets = render(LineChart(title: "Loss", series: [Series(name: "train", role: .lossTrain, buckets: buckets)]),
                                 width: 50, height: 12)
        golden.assertMatches(fromBuckets, named: "line-buckets-braille")
        let fromPoints = render(LineChart(title: "Loss", series: [Series(name: "train", role: .lossTrain, xs: xs, ys: ys)]),
                                width: 50, height: 12)
        // Both keep the spikes: the top row of the plot is reached in both.
        XCTAssertEqual(fromBuckets.lines[0], fromPoints.lines[0])
        XCTAssertEqual(fromBuckets.lines.last, fromPoints.lines.last)
    }

    func testLogAxisSkipsNonPositiveValuesAndSaysSo() {
        let xs = (0..<100).map(Double.init)
        let ys = xs.map { $0 < 10 ? 0 : pow(10, -$0 / 10) }
        let buffer = render(LineChart(title: "Loss", series: [Series(name: "train", role: .lossTrain, xs: xs, ys: ys)],
                                      yScale: .logarithmic), width: 60, height: 16)
        golden.assertMatches(buffer, named: "line-log-nonpositive")
        XCTAssertTrue(buffer.text.contains("values ≤ 0 not shown"))
        // Nothing is drawn where x < 10 (those values were 0).
        let plotX = 6
        XCTAssertTrue(cells(buffer, role: .lossTrain).allSatisfy { $0.x >= plotX + 5 }, buffer.text)
    }

    func testLogAxisOverTwelveDecades() {
        let xs = (0..<300).map(Double.init)
        let ys = xs.map { 1e3 * pow(10, -$0 / 20) }  // 1e3 … ~1e-12
        let buffer = render(LineChart(title: "Loss", series: [Series(name: "train", role: .lossTrain, xs: xs, ys: ys)],
                                      yScale: .logarithmic), width: 60, height: 20)
        golden.assertMatches(buffer, named: "line-log-decades")
        XCTAssertTrue(buffer.text.contains("1e-12") && buffer.text.contains("100┤"), buffer.text)
    }

    func testSmoothingDrawsGhostAndSmoothLine() {
        let xs = (0..<200).map(Double.init)
        let ys = xs.map { 3 * exp(-$0 / 50) + ($0.truncatingRemainder(dividingBy: 2) == 0 ? 0.2 : -0.1) + 0.5 }
        let buffer = render(LineChart(title: "SGD loss", series: [Series(name: "train", role: .lossTrain, xs: xs, ys: ys)],
                                      smoothing: 0.9), width: 60, height: 14)
        golden.assertMatches(buffer, named: "line-smoothed-braille")
        XCTAssertFalse(cells(buffer, role: .ghost).isEmpty)
        XCTAssertFalse(cells(buffer, role: .lossTrain).isEmpty)
    }

    func testSmoothingWeights() {
        let s = Series(name: "s", role: .text, xs: [0, 1, 2, 3], ys: [0, .nan, 10, 10]).smoothed(weight: 0.5)
        guard case let .points(_, ys) = s.data else { return XCTFail("points expected") }
        XCTAssertEqual(ys[0], 0)
        XCTAssertTrue(ys[1].isNaN)
        XCTAssertEqual(ys[2], 5)
        XCTAssertEqual(ys[3], 7.5)
    }

    func testReferenceLineRoleAndLabel() {
        let xs = (0..<100).map(Double.init)
        let chart = LineChart(series: [Series(name: "train", role: .lossTrain, xs: xs, ys: xs.map { 10 / ($0 + 1) + 1 })],
                              referenceLines: [ReferenceLine(value: 1, label: "optimum 1")])
        let buffer = render(chart, width: 50, height: 12)
        XCTAssertTrue(buffer.text.contains("optimum 1"))
        XCTAssertFalse(cells(buffer, role: .reference).isEmpty)
        // The reference line is included in the automatic range even when far below the data.
        let far = LineChart(series: [Series(name: "t", role: .lossTrain, xs: xs, ys: xs.map { _ in 100 })],
                            referenceLines: [ReferenceLine(value: 1, label: "opt")])
        XCTAssertFalse(cells(render(far, width: 50, height: 12), role: .reference).isEmpty)
    }

    func testSeriesRolesAreDrawn() {
        let xs = (0..<100).map(Double.init)
        let chart = LineChart(series: [
            Series(name: "train", role: .lossTrain, xs: xs, ys: xs.map { 100 - $0 }),
            Series(name: "test", role: .lossTest, xs: xs, ys: xs.map { $0 }),
        ])
        let buffer = render(chart, width: 40, height: 12)
        // Train falls from the top-left; test rises to the top-right.
        let train = cells(buffer, role: .lossTrain).filter { $0.y > 0 }, test = cells(buffer, role: .lossTest).filter { $0.y > 0 }
        XCTAssertLessThan(train.min { $0.y < $1.y }!.x, test.min { $0.y < $1.y }!.x)
    }
}
