// The Predicted-vs-actual panel: a scatter of ŷ against y with the diagonal a perfect fit would follow.
import Plot

/// Train and test predictions against the actual targets.
struct PredictionPanel {
    var state: TrainerState
    var charts: ChartData

    func render(into buffer: inout Buffer, area: Rect) {
        PanelFrame(title: "Predicted vs actual").render(into: &buffer, area: area)
        let inner = PanelFrame.inner(of: area)
        drawScatter(into: &buffer, area: inner)
    }

    /// Stand-in until Plot's ScatterPlot lands: a dot per occupied cell and the diagonal.
    private func drawScatter(into buffer: inout Buffer, area: Rect) {
        let pairs = zip(charts.trainActual, charts.trainPredicted).filter { $0.0.isFinite && $0.1.isFinite }
        guard !pairs.isEmpty, area.width > 1, area.height > 1 else { return }
        let all = pairs.flatMap { [$0.0, $0.1] }
        let low = all.min()!, high = all.max()!
        let span = high > low ? high - low : 1
        for i in 0..<min(area.width, area.height * 2) {
            let t = Double(i) / Double(min(area.width, area.height * 2) - 1)
            buffer[area.x + Int(t * Double(area.width - 1)), area.bottom - 1 - Int(t * Double(area.height - 1))] = Cell("·", role: .diagonal)
        }
        for (actual, predicted) in pairs {
            let cx = area.x + Int((actual - low) / span * Double(area.width - 1))
            let cy = area.bottom - 1 - Int((predicted - low) / span * Double(area.height - 1))
            buffer[cx, cy] = Cell("•", role: .scatterTrain)
        }
    }
}
