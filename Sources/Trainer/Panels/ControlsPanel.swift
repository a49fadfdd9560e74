// The Controls panel: buttons, method and update selectors, and the four sliders.
import MessageText
import Engine
import Plot

/// Draws every control where `ScreenLayout` put it, reflecting the state's values and focus.
struct ControlsPanel {
    var state: TrainerState

    func render(into buffer: inout Buffer, layout: ScreenLayout) {
        let schedule = state.hyperparameters.schedule
        PanelFrame(title: schedule.kind == .constant ? "Controls" : "Controls · lr " + schedule.summary)
            .render(into: &buffer, area: layout.controls)
        let focus = state.overlay == .none ? state.focus : nil
        let buttons: [(ControlID, String, Bool)] = [
            (.run, state.isRunning ? "Pause" : " Run ", state.isRunning),
            (.step, "Step", false),
            (.reset, "Reset", false),
            (.closedForm, "Closed form", state.isComparing),
        ]
        for (id, title, active) in buttons {
            guard let area = layout.controlAreas[id], state.isShown(id) else { continue }
            Button(title: title, isFocused: focus == id, isActive: active).render(into: &buffer, area: area)
        }
        for id in [ControlID.method, .update] {
            guard let area = layout.controlAreas[id], state.isShown(id) else { continue }
            var selector = state.selector(id)
            selector.isFocused = focus == id
            selector.render(into: &buffer, area: area)
        }
        for id in [ControlID.learningRate, .batchSize, .l1, .speed] {
            guard let area = layout.controlAreas[id], state.isShown(id) else { continue }
            var slider = self.slider(id)
            slider.isFocused = focus == id
            if let control = id.presetControl, state.locked.contains(control) { slider.isDimmed = true }
            slider.render(into: &buffer, area: area)
        }
        markLocked(into: &buffer, layout: layout)
        ClosedFormStats(state: state).render(into: &buffer, area: layout.closedFormArea)
    }

    /// A `*` in the margin before each control a preset locked, and the key to it on the panel's bottom row.
    private func markLocked(into buffer: inout Buffer, layout: ScreenLayout) {
        guard !state.locked.isEmpty else { return }
        var any = false
        for id in ControlID.allCases {
            guard let control = id.presetControl, state.locked.contains(control), state.isShown(id),
                let area = layout.controlAreas[id]
            else { continue }
            buffer.write("*", x: area.x - 1, y: area.y, role: .warning, clip: layout.controls)
            any = true
        }
        guard any else { return }
        let key = " * locked "
        let frame = layout.controls
        buffer.write(key, x: frame.right - key.count - 1, y: frame.y, role: .warning, clip: frame)
    }

    /// The stability rule for the settings in the controls (not yet the engine's, while a change is in flight).
    func stabilityRule(bound: Double) -> DivergenceExplanation {
        let h = state.hyperparameters
        return DivergenceExplanation(
            learningRate: state.currentLearningRate, largestStableLearningRate: bound, method: h.method, update: h.update,
            momentum: h.momentum)
    }

    func slider(_ id: ControlID) -> Slider {
        let h = state.hyperparameters
        switch id {
        case .learningRate:
            // The bound for the scaling in force now (it moves when z toggles standardization).
            var bound = state.snapshot.largestStableLearningRate
            if !(bound.isFinite && bound > 0), let solved = state.snapshot.closedForm?.largestStableLearningRate { bound = solved }
            let known = bound.isFinite && bound > 0
            // Under a schedule the knob and value show the rate the next step takes (they move as it decays).
            let rate = state.currentLearningRate
            let rule = stabilityRule(bound: bound)
            // The mark is the bound of the update rule in force; Adam has none.
            let mark = known ? rule.stability.rate : nil
            return Slider(
                label: state.isDecaying ? "lr↓" : "lr", fraction: state.learningRateScale.fraction(of: rate),
                valueText: NumberText.rate(rate) + (known && rule.isAboveBound ? "!" : ""),
                markerFraction: mark.map { state.learningRateScale.fraction(of: $0) },
                isWarning: known && rule.isAboveBound)
        case .batchSize:
            // The rows a step uses now: 1 under SGD and every row under GD, whatever the mini-batch setting says.
            let batch = StatusBar(snapshot: state.snapshot, standardized: state.standardized, hyperparameters: h, rowCount: state.rowCount).effectiveBatch
            return Slider(
                label: "batch", fraction: state.batchScale.fraction(of: Double(batch)),
                valueText: "\(batch)",
                isDimmed: h.method != .minibatch)
        case .l1:
            // Off at the left end; the Weights panel marks the weights the penalty set exactly to zero.
            let alpha = h.l1
            return Slider(
                label: "L1", fraction: TrainerState.l1Fraction(of: alpha, in: state.l1Scale),
                valueText: alpha > 0 ? NumberText.rate(alpha) : "off", isDimmed: alpha == 0)
        default:
            return Slider(label: "speed", fraction: state.speed.fraction, valueText: state.speed.label)
        }
    }
}
