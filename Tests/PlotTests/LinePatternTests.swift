// Dash patterns, line samples for legends, and markers written along lines: what tells lines apart without colour.
import Foundation
import Plot
import XCTest

final class LinePatternTests: XCTestCase {
    private func render(_ chart: LineChart, width: Int, height: Int) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        chart.render(into: &buffer, area: buffer.area)
        return buffer
    }

    func testEveryPatternDiffersFromEveryOtherOverAPeriod() {
        let runs = LinePattern.allCases.map { pattern in (0..<24).map { pattern.draws(column: $0) } }
        XCTAssertEqual(Set(runs).count, LinePattern.allCases.count, "no two patterns draw the same dot columns")
        XCTAssertTrue(runs[0].allSatisfy { $0 }, "solid draws every column")
        XCTAssertEqual(LinePattern.dashed.draws(column: 3), true)
        XCTAssertEqual(LinePattern.dashed.draws(column: 4), false, "dashes of four dot columns, as before")
        for pattern in LinePattern.allCases where pattern != .solid {
            XCTAssertTrue(runs[LinePattern.allCases.firstIndex(of: pattern)!].contains(false), "\(pattern) has gaps")
        }
    }

    func testSamplesShowThePatternAndTheMarker() {
        func sample(_ pattern: LinePattern, marks: Bool = false, mode: RenderMode = .braille, width: Int = 5) -> String {
            LineChart.sample(
                of: Series(name: "s", role: .lossTrain, marker: "G", pattern: pattern, marksLine: marks, xs: [], ys: []),
                mode: mode, width: width)
        }
        XCTAssertEqual(sample(.solid), "⠒⠒⠒⠒⠒")
        XCTAssertEqual(sample(.dashed), "⠒⠒  ⠒")
        XCTAssertEqual(sample(.dotted), "⠂ ⠂ ⠂")
        XCTAssertEqual(sample(.solid, marks: true), "⠒⠒G⠒⠒", "the marker sits in the middle, as along the line")
        XCTAssertEqual(sample(.solid, mode: .halfBlock, width: 3), "▀▀▀")
        XCTAssertEqual(sample(.dashed, marks: true, mode: .ascii, width: 6), "GGGG  ", "ASCII lines are their markers")
        XCTAssertEqual(sample(.solid, width: 0), "")
        let all = LinePattern.allCases.map { sample($0) }
        XCTAssertEqual(Set(all).count, all.count, "every pattern has its own sample: \(all)")
    }

    /// Two marked lines at different heights: each carries its own letter several times, in different columns,
    /// and never on a cell of the unmarked line drawn with them.
    func testMarkedLinesCarryTheirLettersStaggeredAndSpareUnmarkedLines() {
        let xs = (0..<200).map(Double.init)
        let chart = LineChart(
            series: [
                Series(name: "a", role: .lossTrain, marker: "A", marksLine: true, xs: xs, ys: xs.map { _ in 1 }),
                Series(name: "b", role: .lossTest, marker: "B", pattern: .dashed, marksLine: true, xs: xs, ys: xs.map { _ in 3 }),
                Series(name: "live", role: .reference, xs: xs, ys: xs.map { $0 < 100 ? 1 : 5 }),
            ],
            mode: .braille, showsLegend: false, yRange: 0...6)
        let buffer = render(chart, width: 60, height: 14)
        func columns(of letter: Character) -> [Int] {
            (0..<buffer.height).flatMap { y in (0..<buffer.width).filter { buffer[$0, y].character == letter } }
        }
        let a = columns(of: "A"), b = columns(of: "B")
        XCTAssertGreaterThanOrEqual(b.count, 3, buffer.text)
        XCTAssertTrue(Set(a).isDisjoint(with: b), "the letters are staggered")
        XCTAssertTrue(a.allSatisfy { $0 >= 30 }, "where the live line runs along a, a gives way to it\n" + buffer.text)
        XCTAssertGreaterThanOrEqual(a.count, 1, buffer.text)
        for y in 0..<buffer.height {
            for x in 0..<buffer.width where buffer[x, y].character == "B" {
                XCTAssertEqual(buffer[x, y].role, StyleRole.lossTest)
                XCTAssertTrue(buffer[x, y].attributes.contains(CellAttributes.bold))
            }
        }
    }

    /// Two points far apart make one long segment: it is dashed along its length, not drawn or left out whole.
    func testALongSegmentIsDashedAlongItsLength() {
        for pattern in [LinePattern.dashed, .dotted] {
            let chart = LineChart(
                series: [Series(name: "s", role: .lossTrain, pattern: pattern, xs: [0, 100], ys: [1, 1])],
                mode: .braille, showsLegend: false, yRange: 0...2)
            let buffer = render(chart, width: 40, height: 10)
            let row = buffer.lines.first { $0.contains { ("\u{2801}"..."\u{28FF}").contains($0) } } ?? ""
            let plot = row.drop { $0 != "│" && $0 != "┤" }.dropFirst()
            XCTAssertGreaterThan(plot.filter { $0 != " " }.count, 5, "\(pattern): drawn along the segment\n" + buffer.text)
            XCTAssertGreaterThan(plot.filter { $0 == " " }.count, 5, "\(pattern): with gaps\n" + buffer.text)
        }
    }

    func testASCIIChartsAreLeftAsTheyWere() {
        let xs = (0..<50).map(Double.init)
        let marked = Series(name: "a", role: .lossTrain, marker: "A", marksLine: true, xs: xs, ys: xs)
        var plain = marked
        plain.marksLine = false
        XCTAssertEqual(
            render(LineChart(series: [marked], mode: .ascii, showsLegend: false), width: 30, height: 10),
            render(LineChart(series: [plain], mode: .ascii, showsLegend: false), width: 30, height: 10),
            "every ASCII dot is the marker already")
    }
}
