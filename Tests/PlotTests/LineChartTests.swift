// Golden frames of LineChart: train and test loss in every render mode, and on a log axis.
import TestSupport
import Plot
import XCTest

final class LineChartTests: XCTestCase {
    /// A loss-like curve: exponential decay towards 0.5.
    private func lossCurve(_ n: Int) -> (xs: [Double], ys: [Double]) {
        let xs = (0..<n).map(Double.init)
        return (xs, xs.map { 0.5 + 9.5 * exp(-$0 / Double(n) * 6) })
    }

    private func render(_ chart: LineChart, width: Int, height: Int) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        chart.render(into: &buffer, area: buffer.area)
        return buffer
    }

    private func trainTestChart(mode: RenderMode, yScale: AxisScale = .linear) -> LineChart {
        let train = lossCurve(200)
        let test = (train.xs, train.ys.map { $0 * 1.15 + 0.1 })
        return LineChart(
            title: "Loss", series: [
                Series(name: "train", role: .lossTrain, marker: "*", xs: train.xs, ys: train.ys),
                Series(name: "test", role: .lossTest, marker: "o", pattern: .dashed, xs: test.0, ys: test.1),
            ],
            referenceLines: [ReferenceLine(value: 0.5, label: "optimum 0.5")], yScale: yScale, mode: mode, xName: "step")
    }

    func testTrainTestBraille() {
        golden.assertMatches(render(trainTestChart(mode: .braille), width: 60, height: 16), named: "line-train-test-braille")
    }

    func testTrainTestHalfBlock() {
        golden.assertMatches(render(trainTestChart(mode: .halfBlock), width: 60, height: 16), named: "line-train-test-halfblock")
    }

    func testTrainTestASCII() {
        golden.assertMatches(render(trainTestChart(mode: .ascii), width: 60, height: 16), named: "line-train-test-ascii")
    }

    func testLogScaleBraille() {
        golden.assertMatches(render(trainTestChart(mode: .braille, yScale: .logarithmic), width: 60, height: 16),
                    named: "line-log-braille")
    }
}
