// Golden frames and behaviour of BarChart: signed bars, closed-form markers, top-k, scrolling.
import TestSupport
import Plot
import XCTest

final class BarChartTests: XCTestCase {
    private let weights: [BarChart.Bar] = [
        .init(name: "age", value: 0.8, reference: 1.1),
        .init(name: "sex", value: -11.2, reference: -11.4),
        .init(name: "bmi", value: 24.7, reference: 24.7),
        .init(name: "bp", value: 15.2, reference: 15.4),
        .init(name: "s1", value: -6.1, reference: -37.7),
        .init(name: "s2", value: 3.0, reference: 22.7),
        .init(name: "s3", value: -9.9, reference: 4.8),
        .init(name: "s4", value: 5.5, reference: 8.4),
        .init(name: "s5", value: 22.4, reference: 35.7),
        .init(name: "s6", value: 3.2, reference: 3.2),
    ]

    private func render(_ chart: BarChart, width: Int, height: Int) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        chart.render(into: &buffer, area: buffer.area)
        return buffer
    }

    func testWeightsUnicode() {
        golden.assertMatches(render(BarChart(title: "Weights", bars: weights), width: 50, height: 11), named: "bars-unicode")
    }

    func testWeightsASCII() {
        golden.assertMatches(render(BarChart(title: "Weights", bars: weights, mode: .ascii), width: 50, height: 11),
                    named: "bars-ascii")
    }

    func testTopKByMagnitudeWithCount() {
        let buffer = render(BarChart(title: "Weights", bars: weights), width: 50, height: 6)
        golden.assertMatches(buffer, named: "bars-top-k")
        // 4 bar rows: the largest four |w| are bmi, s5, bp, sex; shown in their original order.
        XCTAssertEqual(BarChart(bars: weights).visibleBars(rows: 5).indices, [1, 2, 3, 8])
        XCTAssertTrue(buffer.lines[5].hasPrefix("+6 more"))
    }

    func testScrollOffsetWindowsInOrder() {
        let chart = BarChart(bars: weights, scrollOffset: 7)
        XCTAssertEqual(chart.visibleBars(rows: 4).indices, [7, 8, 9])
        XCTAssertEqual(BarChart(bars: weights, scrollOffset: 99).visibleBars(rows: 4).indices, [7, 8, 9])
    }

    func testRolesBySignAndMarker() {
        let buffer = render(BarChart(bars: [.init(name: "a", value: 2, reference: 1), .init(name: "b", value: -2)]),
                            width: 30, height: 2)
        XCTAssertTrue(buffer.cells[0..<30].contains { $0.role == .weightPositive && $0.character == "█" }, buffer.text)
        XCTAssertTrue(buffer.cells[0..<30].contains { $0.role == .weightOptimum && $0.character == "◆" }, buffer.text)
        XCTAssertTrue(buffer.cells[30..<60].contains { $0.role == .weightNegative }, buffer.text)
        XCTAssertFalse(buffer.cells[30..<60].contains { $0.role == .weightPositive }, buffer.text)
    }

    func testNonFiniteWeightShowsNoBarAndNoNaN() {
        let buffer = render(BarChart(bars: [.init(name: "a", value: .nan), .init(name: "b", value: 1)]), width: 30, height: 2)
        XCTAssertFalse(buffer.text.lowercased().contains("nan"))
        XCTAssertFalse(buffer.cells[0..<30].contains { $0.role == .weightPositive || $0.role == .weightNegative })
    }
}
