// The toolbars for the current state: which words sit in which border, and which controls a preset hid.
import Engine
import Plot

extension TrainerState {
    /// Parameter names for the landscape axes: the features, then b.
    var parameterNames: [String] { featureNames + ["b"] }

    /// Every toolbar word on screen now, with its hit area (the narration window's, while it is open).
    func toolbarItems() -> [ToolbarItem] {
        let layout = self.layout
        guard !layout.isTooSmall else { return [] }
        switch overlay {
        case .help: return []
        case .narration:
            return ToolbarItem.layout([(.narrateStep, "n: take this step"), (.closeOverlay, "Esc: close")], bottomOf: layout.body)
        case .none: break
        }
        var items: [ToolbarItem] = []
        if showsLandscape {
            let names = parameterNames
            let x = names[min(landscapeAxes.x, names.count - 1)], y = names[min(landscapeAxes.y, names.count - 1)]
            var words: [(ToolbarAction, String)] = []
            if landscapeAxes.isChoosable { words += [(.landscapeX, "x: " + x), (.landscapeY, "y: " + y)] }
            words.append((.closeLandscape, "back"))
            items += ToolbarItem.layout(words, bottomOf: layout.landscape)
        } else {
            var words: [(ToolbarAction, String)] = [
                (.logAxis, logLossAxis ? "log" : "lin"), (.xAxis, showsEpochs ? "epochs" : "steps"),
                (.smoothing, "avg " + smoothing.label), (.pinGhost, "+ghost"),
            ]
            if !ghosts.isEmpty { words.append((.clearGhosts, "clear")) }
            items += ToolbarItem.layout(words, bottomOf: layout.loss)
            items += ToolbarItem.layout(dataPanelWords, bottomOf: layout.prediction)
        }
        items += ToolbarItem.layout([(.weightsView, weightsView == .bars ? "paths" : "bars")], bottomOf: layout.weights)
        var controls: [(ToolbarAction, String)] = [(.landscape, showsLandscape ? "panels" : "landscape"), (.narrate, "narrate")]
        if !hidden.contains(.standardize) { controls.append((.standardize, snapshot.standardized ? "z-scores" : "raw")) }
        controls.append((.export, "export"))
        items += ToolbarItem.layout(controls, bottomOf: layout.controls)
        return items
    }

    /// The data panel's words: the next view, and the view's own switch (residual segments, the feature).
    private var dataPanelWords: [(ToolbarAction, String)] {
        var words: [(ToolbarAction, String)] = [(.dataView, "next view")]
        switch dataView {
        case .fit: words.append((.residuals, "residuals"))
        case .partialFit:
            if partialFeature < featureNames.count { words.append((.partialNext, "x: " + featureNames[partialFeature])) }
        case .predictedActual, .residuals: break
        }
        return words
    }

    /// Whether a control is drawn (a preset may hide it).
    func isShown(_ id: ControlID) -> Bool {
        guard let control = id.presetControl else { return true }
        return !hidden.contains(control)
    }
}

extension ControlID {
    /// The preset name that locks or hides this control, if any.
    var presetControl: PresetControl? {
        switch self {
        case .run, .step: return nil
        case .reset: return .reset
        case .closedForm: return .closedForm
        case .method: return .method
        case .update: return .update
        case .learningRate: return .lr
        case .batchSize: return .batch
        case .speed: return .speed
        }
    }
}
