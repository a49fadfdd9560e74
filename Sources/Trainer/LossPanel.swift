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
            x = buffer.write("┅ test ", x: x, y: inner.y, role: .lossTest, clip: inner)
            x = buffer.write(Readout.number(test) + "  ", x: x, y: inner.y, role: .legend, clip: inner)
        }
        if state.isComparing, let optimum = state.snapshot.closedForm?.trainLoss {
            x = buffer.write("╌ optimum ", x: x, y: inner.y, role: .reference, clip: inner)
            buffer.write(Readout.number(optimum), x: x, y: inner.y, role: .legend, clip: inner)
        }
        let chartArea = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        drawChart(into: &buffer, area: chartArea)
        if state.snapshot.status == .diverged {
            DivergenceBanner(message: state.snapshot.message ?? "the loss grew without bound").render(into: &buffer, area: inner)
        }
    }

    /// Stand-in until Plot's LineChart lands: one column per bucket, height by the bucket's last loss.
    private func drawChart(into buffer: inout Buffer, area: Rect) {
        let buckets = charts.trainLoss.buckets.filter { $0.last.isFinite }
        guard !buckets.isEmpty, area.height > 0 else {
            buffer.write("press Space to train, s to take one step", x: area.x + 1, y: area.y + area.height / 2, role: .dim, clip: area)
            return
        }
        let transform: (Double) -> Double = { state.logLossAxis ? log10(max($0, 1e-300)) : $0 }
        let values = buckets.map { transform($0.last) }
        let low = values.min()!, high = values.max()!
        let step = max(1, buckets.count / max(1, area.width))
        for (column, index) in stride(from: 0, to: values.count, by: step).enumerated() where column < area.width {
            let t = high > low ? (values[index] - low) / (high - low) : 0.5
            let row = area.bottom - 1 - Int((t * Double(area.height - 1)).rounded())
            buffer[area.x + column, row] = Cell("•", role: .lossTrain)
        }
    }
}
