// The Weights panel: one bar per coefficient, with the closed-form value marked while comparing.
import Engine
import Plot

/// The current coefficients (and intercept) in data units, with w* beside them once the closed form is known.
struct WeightsPanel {
    var state: TrainerState

    func render(into buffer: inout Buffer, area: Rect) {
        PanelFrame(title: "Weights").render(into: &buffer, area: area)
        let inner = PanelFrame.inner(of: area)
        let reference = state.isComparing ? state.snapshot.closedForm : nil
        var rows: [(String, Double, Double?)] = []
        for (index, weight) in state.snapshot.weights.enumerated() {
            let name = index < state.featureNames.count ? state.featureNames[index] : "w\(index + 1)"
            rows.append((name, weight, reference.flatMap { index < $0.weights.count ? $0.weights[index] : nil }))
        }
        if let b = state.snapshot.intercept { rows.append(("intercept", b, reference?.intercept)) }
        drawBars(rows, into: &buffer, area: inner)
    }

    /// Stand-in until Plot's BarChart lands: name, value and w* as text.
    private func drawBars(_ rows: [(String, Double, Double?)], into buffer: inout Buffer, area: Rect) {
        for (offset, row) in rows.enumerated() where offset < area.height {
            let y = area.y + offset
            buffer.write(row.0, x: area.x + 1, y: y, role: .weightLabel, clip: area)
            buffer.write(Readout.number(row.1), x: area.x + 14, y: y, role: row.1 < 0 ? .weightNegative : .weightPositive, clip: area)
            if let star = row.2 { buffer.write("w* " + Readout.number(star), x: area.x + 26, y: y, role: .weightOptimum, clip: area) }
        }
    }
}
