// The Loss panel: train and test loss over the steps, log y by default, the optimum while comparing.
import Engine
import Foundation
import Plot

/// Loss curves with a legend row naming each series and its latest value.
struct LossPanel {
    var state: TrainerState
    var charts: ChartData

    func render(into buffer: inout Buffer, area: Rect) {
        PanelFrame(title: "Loss · " + (state.logLossAxis ? "log y" : "linear y")).render(into: &buffer, area: area)
        let inner = PanelFrame.inner(of: area)
        guard inner.height > 1 else { return }
        var x = inner.x + 1
        x = buffer.write("━ train ", x: x, y: inner.y, role: .lossTrain, clip: inner)
        x = buffer.write(Readout.number(state.snapshot.trainLoss) + "  ", x: x, y: inner.y, role: .legend, clip: inner)
        if let test = state.snapshot.testLoss {
            x = buffer.write(state.renderMode.usesUnicode ? "┅ test " : "+ test ", x: x, y: inner.y, role: .lossTest, clip: inner)
            x = buffer.write(Readout.number(test) + "  ", x: x, y: inner.y, role: .legend, clip: inner)
        }
        if state.isComparing, let optimum = state.snapshot.closedForm?.trainLoss {
            x = buffer.write("╌ loss* ", x: x, y: inner.y, role: .reference, clip: inner)
            buffer.write(Readout.number(optimum), x: x, y: inner.y, role: .legend, clip: inner)
        }
        let chartArea = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        drawChart(into: &buffer, area: chartArea)
        if state.snapshot.status == .diverged {
            DivergenceBanner(message: state.snapshot.message ?? "the loss grew without bound").render(into: &buffer, area: inner)
        }
    }

    /// Plot's line chart of the decimated histories, with the optimum as a reference line while comparing.
    private func drawChart(into buffer: inout Buffer, area: Rect) {
        guard charts.trainLoss.totalSteps > 0, !charts.trainLoss.buckets.isEmpty else {
            buffer.write("press Space to train, s to take one step", x: area.x + 1, y: area.y + area.height / 2, role: .dim, clip: area)
            return
        }
        var series = [Series(name: "train", role: .lossTrain, marker: "*", buckets: Self.buckets(charts.trainLoss))]
        if let test = charts.testLoss, !test.buckets.isEmpty {
            series.append(Series(name: "test", role: .lossTest, marker: "+", dashed: true, buckets: Self.buckets(test)))
        }
        var references: [ReferenceLine] = []
        if state.isComparing, let optimum = state.snapshot.closedForm?.trainLoss, optimum.isFinite {
            references.append(ReferenceLine(value: optimum, role: .reference, label: "loss*"))
        }
        LineChart(
            series: series, referenceLines: references, yScale: state.logLossAxis ? .logarithmic : .linear,
            mode: state.renderMode, showsLegend: false, xName: "step"
        ).render(into: &buffer, area: area)
    }

    static func buckets(_ curve: LossCurve) -> [Series.Bucket] {
        curve.buckets.map { Series.Bucket(x0: Double($0.firstStep), x1: Double($0.lastStep), min: $0.min, max: $0.max, last: $0.last) }
    }
}
