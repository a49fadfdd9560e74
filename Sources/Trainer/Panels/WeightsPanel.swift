// The Weights panel: one bar per coefficient, with the closed-form value marked while comparing.
import Engine
import Plot

/// The current coefficients in data units, with w* beside them once the closed form is known. The intercept
/// is a line of text under the bars: on its own scale it would dwarf every coefficient (−292 on diabetes).
struct WeightsPanel {
    var state: TrainerState

    func render(into buffer: inout Buffer, area: Rect) {
        PanelFrame(title: "Weights").render(into: &buffer, area: area)
        let inner = PanelFrame.inner(of: area)
        let reference = state.isComparing ? state.snapshot.closedForm : nil
        var rows: [(String, Double, Double?)] = []
        for (index, weight) in state.snapshot.weights.enumerated() {
            let name = index < state.featureNames.count ? state.featureNames[index] : "w\(index + 1)"
            // Under L1 weights become exactly zero: the name says so (a bar of length 0 could be merely small).
            let marked = weight == 0 && state.snapshot.hyperparameters.l1 > 0 ? name + " =0" : name
            rows.append((marked, weight, reference.flatMap { index < $0.weights.count ? $0.weights[index] : nil }))
        }
        var bars = inner
        if let b = state.snapshot.intercept, inner.height >= 2 {
            bars.height -= 1
            let y = inner.bottom - 1
            var x = buffer.write("intercept b ", x: inner.x + 1, y: y, role: .weightLabel, clip: inner)
            x = buffer.write(Readout.number(b), x: x, y: y, role: b < 0 ? .weightNegative : .weightPositive, clip: inner)
            if let optimum = reference?.intercept {
                x = buffer.write("   b* ", x: x, y: y, role: .weightLabel, clip: inner)
                buffer.write(Readout.number(optimum), x: x, y: y, role: .weightOptimum, clip: inner)
            }
        }
        drawBars(rows, into: &buffer, area: bars)
    }

    /// Plot's bar chart: one signed bar per weight, w* marked on each while comparing.
    private func drawBars(_ rows: [(String, Double, Double?)], into buffer: inout Buffer, area: Rect) {
        let bars = rows.map { BarChart.Bar(name: $0.0, value: $0.1, reference: $0.2) }
        let padded = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
        BarChart(bars: bars, mode: state.renderMode).render(into: &buffer, area: padded)
    }
}
