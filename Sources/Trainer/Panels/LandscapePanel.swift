// The loss-landscape view: a heatmap of the loss over two parameters, the path taken, and the optimum.
import Engine
import Plot

/// Plot's `Heatmap` of the objective over the chosen pair of parameters, the others held at their current
/// values (the panel says so), with the trajectory drawn live and the closed-form optimum w* marked ◆: with more
/// than two parameters, where w* projects onto the slice (the slice's own lowest point is there only when the
/// other parameters are at w* too).
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
        let slice = state.landscapeAxes.parameterCount > 2
        var note = frame.standardized ? "z-score units (per sd of x)" : "the data's own units"
        if slice {
            note = (frame.standardized ? "z-units" : "data units") + " · others held at current values"
            if note.displayWidth > inner.width - 1 { note = "others held at current values" }
        }
        buffer.write(note, x: inner.x + 1, y: inner.y, role: .dim, clip: inner)
        let grid = ScalarGrid(
            xRange: frame.grid.xRange, yRange: frame.grid.yRange, columns: frame.grid.columns, rows: frame.grid.rows,
            values: frame.grid.values)
        let chart = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        Heatmap(grid: grid, logScale: true, path: frame.path, marker: frame.optimum,
            markerName: slice ? "w* projected" : "optimum", mode: state.renderMode)
            .render(into: &buffer, area: chart)
    }
}
