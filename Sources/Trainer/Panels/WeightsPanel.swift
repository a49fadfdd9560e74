// The Weights panel: one bar per coefficient, with the closed-form value marked while comparing.
import MessageText
import Engine
import Plot

/// The current coefficients in data units, with w* beside them once the closed form is known. The intercept
/// is a line of text under the bars: on its own scale it would dwarf every coefficient (−292 on diabetes).
struct WeightsPanel {
    var state: TrainerState

    func render(into buffer: inout Buffer, area: Rect) {
        let scales = state.featureScales.flatMap { $0.count == state.snapshot.weights.count ? $0 : nil }
        PanelFrame(title: scales == nil ? "Weights" : "Weights · bars: z-score w·σ").render(into: &buffer, area: area)
        let inner = PanelFrame.inner(of: area)
        let reference = state.isComparing ? state.snapshot.closedForm : nil
        // Bars compare importance in y units per standard deviation of each feature (mixed units would make the
        // longest bar the feature with the smallest unit); the number is the weight in the data's own units.
        var rows: [BarChart.Bar] = []
        for (index, weight) in state.snapshot.weights.enumerated() {
            let name = index < state.featureNames.count ? state.featureNames[index] : "w\(index + 1)"
            // Under L1 weights become exactly zero: the name says so (a bar of length 0 could be merely small).
            let marked = weight == 0 && state.snapshot.hyperparameters.l1 > 0 ? name + " =0" : name
            let sigma = scales?[index] ?? 1
            let optimum = reference.flatMap { index < $0.weights.count ? $0.weights[index] : nil }
            rows.append(BarChart.Bar(name: marked, value: weight * sigma, reference: optimum.map { $0 * sigma }, shownValue: weight))
        }
        var bars = inner
        if let b = state.snapshot.intercept, inner.height >= 2 {
            bars.height -= 1
            let y = inner.bottom - 1
            var x = buffer.write("(intercept) ", x: inner.x + 1, y: y, role: .weightLabel, clip: inner)
            x = buffer.write(NumberText.figure(b), x: x, y: y, role: b < 0 ? .weightNegative : .weightPositive, clip: inner)
            if let optimum = reference?.intercept {
                x = buffer.write("   optimum ", x: x, y: y, role: .weightLabel, clip: inner)
                buffer.write(NumberText.figure(optimum), x: x, y: y, role: .weightOptimum, clip: inner)
            }
        }
        drawBars(rows, into: &buffer, area: bars)
    }

    /// Plot's bar chart: one signed bar per weight, w* marked on each while comparing.
    private func drawBars(_ bars: [BarChart.Bar], into buffer: inout Buffer, area: Rect) {
        let padded = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
        BarChart(bars: bars, mode: state.renderMode).render(into: &buffer, area: padded)
    }
}
