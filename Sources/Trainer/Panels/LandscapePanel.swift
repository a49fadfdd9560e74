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
        let heatmap = Self.heatmap(frame, slice: slice, mode: state.renderMode)
        let chart = Self.chartArea(inner: inner)
        heatmap.render(into: &buffer, area: chart)
        if let cursor = state.pointCursor {
            Crosshair(mode: state.renderMode).render(at: cursor, into: &buffer, clip: heatmap.mapping(area: chart).plot)
        }
    }

    /// The map's rectangle inside the panel's inner area (under the line of notes).
    static func chartArea(inner: Rect) -> Rect { Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1) }

    static func heatmap(_ frame: LandscapeFrame, slice: Bool, mode: RenderMode) -> Heatmap {
        let grid = ScalarGrid(
            xRange: frame.grid.xRange, yRange: frame.grid.yRange, columns: frame.grid.columns, rows: frame.grid.rows,
            values: frame.grid.values)
        return Heatmap(grid: grid, logScale: true, path: frame.path, marker: frame.optimum,
            markerName: slice ? "w* projected" : "optimum", mode: mode)
    }

    /// Where the map lands in the panel's rectangle `area` (for clicks that choose a start), nil without a frame.
    func mapping(area: Rect) -> ChartMapping? {
        guard let frame else { return nil }
        let inner = PanelFrame.inner(of: area)
        guard inner.height > 2 else { return nil }
        return Self.heatmap(frame, slice: state.landscapeAxes.parameterCount > 2, mode: state.renderMode)
            .mapping(area: Self.chartArea(inner: inner))
    }
}
