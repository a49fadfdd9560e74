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

    /// Plot's density scatter, train and test told apart by colour and marker shape.
    private func drawScatter(into buffer: inout Buffer, area: Rect) {
        ScatterPlot(
            train: .init(actual: charts.trainActual, predicted: charts.trainPredicted),
            test: .init(actual: charts.testActual, predicted: charts.testPredicted), mode: state.renderMode,
            showsDiagonal: true, showsLegend: !charts.testActual.isEmpty
        ).render(into: &buffer, area: area)
    }
}
