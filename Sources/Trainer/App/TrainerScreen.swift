// The whole screen for one state: bars, panels, overlays, or the too-small message.
import Engine
import Plot

/// Renders a `TrainerState` and its chart data into a full-screen buffer.
public struct TrainerScreen {
    public var state: TrainerState
    public var charts: ChartData
    /// The landscape to draw while `state.showsLandscape` (nil: still being computed).
    public var landscape: LandscapeFrame?
    /// The regularization path to draw while `state.showsPath` (nil: still being computed).
    public var path: RegularizationPath?

    public init(state: TrainerState, charts: ChartData, landscape: LandscapeFrame? = nil, path: RegularizationPath? = nil) {
        self.state = state
        self.charts = charts
        self.landscape = landscape
        self.path = path
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
            dataName: state.presetName.map { "\($0) (preset) · " + state.dataName } ?? state.dataName, rowCount: state.rowCount, featureCount: state.featureNames.count,
            status: state.status, notice: state.notice, replay: state.replayProgress,
            replaySpeed: ReplayPace.label(state.replaySpeed)
        ).render(into: &buffer, area: layout.titleBar)
        if state.showsPath {
            PathPanel(state: state, path: path).render(into: &buffer, area: layout.landscape)
        } else if state.showsLandscape {
            LandscapePanel(state: state, frame: landscape).render(into: &buffer, area: layout.landscape)
        } else {
            LossPanel(state: state, charts: charts).render(into: &buffer, area: layout.loss)
            DataPanel(state: state, charts: charts).render(into: &buffer, area: layout.prediction)
        }
        if state.weightsView == .paths {
            WeightPathsPanel(state: state, charts: charts).render(into: &buffer, area: layout.weights)
        } else {
            WeightsPanel(state: state).render(into: &buffer, area: layout.weights)
        }
        ControlsPanel(state: state).render(into: &buffer, layout: layout)
        if state.pointCursor != nil {
            StatusBar.renderPointCursorKeys(onLandscape: state.showsLandscape, into: &buffer, area: layout.statusBar)
        } else if state.handFit != nil {
            StatusBar.renderHandFit(figures: state.handFitFigures, into: &buffer, area: layout.statusBar)
        } else {
            StatusBar(
                snapshot: state.snapshot, standardized: state.standardized, hyperparameters: state.hyperparameters,
                rowCount: state.rowCount, currentLearningRate: state.currentLearningRate)
                .render(into: &buffer, area: layout.statusBar)
        }
        if state.overlay == .none { renderToolbars(into: &buffer) }
        switch state.overlay {
        case .none: break
        case .help: HelpOverlay(page: state.helpPage).render(into: &buffer, area: layout.body)
        case .narration:
            NarrationOverlay(narration: state.narration).render(into: &buffer, area: layout.body)
            renderToolbars(into: &buffer)
        }
    }

    /// The clickable words in the panel borders; a word for a setting that is on shows as active.
    private func renderToolbars(into buffer: inout Buffer) {
        for item in state.toolbarItems() {
            let active: Bool
            switch item.action {
            case .smoothing: active = state.smoothing.notch > 0
            case .xAxis: active = state.showsEpochs
            case .landscape: active = state.showsLandscape
            case .standardize: active = state.standardized
            case .residuals: active = state.showsResiduals
            default: active = false
            }
            item.render(into: &buffer, isActive: active)
        }
    }
}
