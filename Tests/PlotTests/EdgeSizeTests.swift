// Every widget at every small size, in every mode, with empty, NaN and constant data: no crash, nothing outside its area.
import TestSupport
import Plot
import XCTest

final class EdgeSizeTests: XCTestCase {
    private let sizes = [(0, 0), (1, 1), (2, 2), (3, 1), (1, 3), (4, 3), (8, 4), (12, 5), (20, 6)]

    private var widgets: [(name: String, render: (inout Buffer, Rect, RenderMode) -> Void)] {
        let xs = (0..<20).map(Double.init)
        let line = { (data: [Double]) in
            { (b: inout Buffer, r: Rect, m: RenderMode) in
                LineChart(title: "Loss", series: [Series(name: "train", role: .lossTrain, xs: xs, ys: data)],
                          referenceLines: [ReferenceLine(value: 1, label: "optimum")], yScale: .logarithmic, mode: m)
                    .render(into: &b, area: r)
            }
        }
        let grid = ScalarGrid(xRange: 0...1, yRange: 0...1, columns: 4, rows: 4) { x, y in x * x + y }
        return [
            ("line", line(xs.map { $0 + 1 })),
            ("line-empty", line([])),
            ("line-constant", line(xs.map { _ in 2 })),
            ("line-nan", line(xs.map { _ in .nan })),
            ("line-extreme", { b, r, m in
                LineChart(series: [Series(name: "x", role: .lossTrain, xs: [-1e308, 0, 1e308], ys: [-1e308, 1e-300, 1e308])],
                          mode: m).render(into: &b, area: r)
            }),
            ("scatter-extreme", { b, r, m in
                ScatterPlot(train: .init(actual: [-1e308, 1e308, Double.leastNonzeroMagnitude], predicted: [1e308, -1e308, 0]), mode: m)
                    .render(into: &b, area: r)
            }),
            ("scatter", { b, r, m in
                ScatterPlot(title: "Fit", train: .init(actual: xs, predicted: xs), test: .init(actual: [1, .nan], predicted: [2, 3]),
                            mode: m).render(into: &b, area: r)
            }),
            ("scatter-empty", { b, r, m in ScatterPlot(train: .init(actual: [], predicted: []), mode: m).render(into: &b, area: r) }),
            ("bars", { b, r, m in
                BarChart(title: "Weights", bars: [.init(name: "alpha", value: -2, reference: 1), .init(name: "b", value: .nan),
                                                  .init(name: "c", value: 3)], mode: m).render(into: &b, area: r)
            }),
            ("bars-empty", { b, r, m in BarChart(title: "Weights", bars: [], mode: m).render(into: &b, area: r) }),
            ("bars-zero", { b, r, m in BarChart(bars: [.init(name: "a", value: 0)], mode: m).render(into: &b, area: r) }),
            ("heatmap", { b, r, m in
                Heatmap(title: "Landscape", grid: grid, path: [(0, 0), (0.5, 0.5)], marker: (0.1, 0.1), mode: m)
                    .render(into: &b, area: r)
            }),
            ("heatmap-empty", { b, r, m in
                Heatmap(grid: ScalarGrid(xRange: 0...0, yRange: 0...0, columns: 0, rows: 0, values: []), mode: m)
                    .render(into: &b, area: r)
            }),
        ]
    }

    /// Each widget drawn into the middle of a larger buffer leaves everything outside its area untouched.
    func testAllWidgetsAllSmallSizesStayInsideTheirArea() {
        for (name, render) in widgets {
            for mode in RenderMode.allCases {
                for (w, h) in sizes {
                    var buffer = Buffer(width: w + 4, height: h + 4)
                    let sentinel = Cell("~", role: .border)
                    buffer.fill(buffer.area, with: sentinel)
                    let area = Rect(x: 2, y: 2, width: w, height: h)
                    render(&buffer, area, mode)
                    for y in 0..<buffer.height {
                        for x in 0..<buffer.width where !area.contains(x: x, y: y) {
                            XCTAssertEqual(buffer[x, y], sentinel, "\(name) \(mode) \(w)×\(h) wrote outside at (\(x), \(y))")
                        }
                    }
                    XCTAssertFalse(buffer.text.lowercased().contains("nan"), "\(name) \(mode) \(w)×\(h)")
                }
            }
        }
    }

    /// An area partly outside the buffer is clipped to the buffer, not trapped on: the widget draws exactly
    /// what it draws in the visible part of the area.
    func testAreaLargerThanBuffer() {
        for (name, render) in widgets {
            var clipped = Buffer(width: 5, height: 3)
            render(&clipped, Rect(x: -3, y: -2, width: 40, height: 20), .braille)
            var visible = Buffer(width: 5, height: 3)
            render(&visible, Rect(x: 0, y: 0, width: 5, height: 3), .braille)
            XCTAssertEqual(clipped.lines, visible.lines, name)
        }
    }

    func testTinyFramesAsGoldens() {
        var frames: [String] = []
        for (name, render) in widgets where !name.hasSuffix("-nan") && !name.hasSuffix("-extreme") {
            for (w, h) in [(1, 1), (2, 2), (8, 4), (20, 6)] {
                var buffer = Buffer(width: w, height: h)
                render(&buffer, buffer.area, .braille)
                frames.append("\(name) \(w)×\(h)\n" + buffer.lines.map { "|\($0)|" }.joined(separator: "\n"))
            }
        }
        // All frames, each boxed in | so trailing blanks show, stacked into one golden buffer.
        let lines = frames.joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false)
        var stacked = Buffer(width: lines.map(\.count).max() ?? 0, height: lines.count)
        for (y, line) in lines.enumerated() {
            stacked.write(String(line), x: 0, y: y)
        }
        golden.assertMatches(stacked, named: "tiny-sizes")
    }
}
