// The loss-landscape view: a heatmap of the loss over two parameters, the path taken, and the optimum.
import Engine
import Plot

/// Plot's `Heatmap` of the objective over the chosen pair of parameters, the others held at their current
/// values, with the trajectory drawn live and the closed-form optimum marked ◆.
struct LandscapePanel {
    var state: TrainerState
    var frame: LandscapeFrame?

    func render(into buffer: inout Buffer, area: Rect) {
        let names = state.parameterNames
        let x = names[min(state.landscapeAxes.x, names.count - 1)], y = names[min(state.landscapeAxes.y, names.count - 1)]
        PanelFrame(title: "Loss landscape · \(x) →  \(y) ↑").render(into: &buffer, area: area)
        let inner = PanelFrame.inner(of: area)
        guard inner.height > 2 else { return }
        guard let frame else {
            buffer.write("computing the landscape…", x: inner.x + 1, y: inner.y + inner.height / 2, role: .dim, clip: inner)
            return
        }
        var note = frame.standardized ? "z-score units (per sd of x)" : "the data's own units"
        if state.landscapeAxes.parameterCount > 2 { note = (frame.standardized ? "z-score units" : "data units") + " · others held" }
        buffer.write(note, x: inner.x + 1, y: inner.y, role: .dim, clip: inner)
        let grid = ScalarGrid(
            xRange: frame.grid.xRange, yRange: frame.grid.yRange, columns: frame.grid.columns, rows: frame.grid.rows,
            values: frame.grid.values)
        let chart = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        Heatmap(grid: grid, logScale: true, path: frame.path, marker: frame.optimum, mode: state.renderMode)
            .render(into: &buffer, area: chart)
    }
}
