// The whole screen for one state: bars, panels, overlays, or the too-small message.
import Plot

/// Renders a `TrainerState` and its chart data into a full-screen buffer.
public struct TrainerScreen {
    public var state: TrainerState
    public var charts: ChartData

    public init(state: TrainerState, charts: ChartData) {
        self.state = state
        self.charts = charts
    }

    public static let tooSmallMessage = "terminal too small (need 80×24)"

    public func render() -> Buffer {
        var buffer = Buffer(width: max(0, state.width), height: max(0, state.height))
        render(into: &buffer)
        return buffer
    }

    public func render(into buffer: inout Buffer) {
        let area = buffer.area
        buffer.fill(area, with: .blank)
        let layout = state.layout
        if layout.isTooSmall {
            let now = "now \(state.width)×\(state.height) — enlarge the window, or q to quit"
            let y = max(0, area.height / 2 - 1)
            buffer.write(Self.tooSmallMessage, x: max(0, (area.width - Self.tooSmallMessage.count) / 2), y: y, role: .warning)
            buffer.write(now, x: max(0, (area.width - now.count) / 2), y: y + 1, role: .dim)
            return
        }
        TitleBar(
            dataName: state.dataName, rowCount: state.rowCount, featureCount: state.featureNames.count,
            status: state.snapshot.status, notice: state.notice
        ).render(into: &buffer, area: layout.titleBar)
        LossPanel(state: state, charts: charts).render(into: &buffer, area: layout.loss)
        WeightsPanel(state: state).render(into: &buffer, area: layout.weights)
        PredictionPanel(state: state, charts: charts).render(into: &buffer, area: layout.prediction)
        ControlsPanel(state: state).render(into: &buffer, layout: layout)
        StatusBar(snapshot: state.snapshot, hyperparameters: state.hyperparameters, rowCount: state.rowCount)
            .render(into: &buffer, area: layout.statusBar)
        switch state.overlay {
        case .none: break
        case .help: HelpOverlay().render(into: &buffer, area: Rect(x: 0, y: 1, width: area.width, height: area.height - 2))
        }
    }
}
