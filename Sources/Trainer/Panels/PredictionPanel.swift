// The Predicted-vs-actual panel: a scatter of ŷ against y with the diagonal a perfect fit would follow.
import Plot

/// Train and test predictions against the actual targets.
struct PredictionPanel {
    var state: TrainerState
    var charts: ChartData

    func render(into buffer: inout Buffer, area: Rect) {
        PanelFrame(title: "Predicted vs actual").render(into: &buffer, area: area)
        drawScatter(into: &buffer, area: Self.scatterArea(panel: area))
    }

    /// Where the scatter is drawn for a panel at `area`.
    static func scatterArea(panel area: Rect) -> Rect { PanelFrame.inner(of: area) }

    /// The scatter of `charts`' points (its `density` not yet set).
    static func scatter(charts: ChartData, mode: RenderMode) -> ScatterPlot {
        ScatterPlot(
            train: .init(actual: charts.trainActual, predicted: charts.trainPredicted),
            test: .init(actual: charts.testActual, predicted: charts.testPredicted), mode: mode,
            showsDiagonal: true, showsLegend: !charts.testActual.isEmpty)
    }

    /// Plot's density scatter, train and test told apart by colour and marker shape.
    private func drawScatter(into buffer: inout Buffer, area: Rect) {
        var scatter = Self.scatter(charts: charts, mode: state.renderMode)
        // Counted on the session's worker for this area; counted here only if the area or charset just changed.
        scatter.density = charts.scatterDensity
        scatter.render(into: &buffer, area: area)
    }
}
