// The Controls panel: buttons, method and update selectors, and the three sliders.
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
        for id in [ControlID.learningRate, .batchSize, .speed] {
            guard let area = layout.controlAreas[id], state.isShown(id) else { continue }
            var slider = self.slider(id)
            slider.isFocused = focus == id
            if let control = id.presetControl, state.locked.contains(control) { slider.isDimmed = true }
            slider.render(into: &buffer, area: area)
        }
        ClosedFormStats(state: state).render(into: &buffer, area: layout.closedFormArea)
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
            let rule = DivergenceExplanation(learningRate: rate, largestStableLearningRate: bound, method: h.method)
            return Slider(
                label: state.isDecaying ? "lr↓" : "lr", fraction: state.learningRateScale.fraction(of: rate),
                valueText: Readout.rate(rate) + (known && rule.isAboveBound ? "!" : ""),
                markerFraction: known ? state.learningRateScale.fraction(of: bound) : nil,
                isWarning: known && rule.isAboveBound)
        case .batchSize:
            let batch = min(state.rowCount, max(1, h.batchSize))
            return Slider(
                label: "batch", fraction: state.batchScale.fraction(of: Double(batch)),
                valueText: "\(batch)",
                isDimmed: h.method != .minibatch)
        default:
            return Slider(label: "speed", fraction: state.speed.fraction, valueText: state.speed.label)
        }
    }
}
