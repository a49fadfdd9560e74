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
        case .narration: return ToolbarItem.layout(TrainerKeymap.words(in: .narration, for: self), bottomOf: layout.body)
        case .none: break
        }
        // The path view's border carries only "back" (Esc), as the landscape's does.
        let chart: [ToolbarItem]
        if showsPath {
            chart = ToolbarItem.layout([(.close, "back")], bottomOf: layout.landscape)
        } else {
            let border: TrainerBorder = showsLandscape ? .landscape : .loss
            chart = ToolbarItem.layout(TrainerKeymap.words(in: border, for: self), bottomOf: showsLandscape ? layout.landscape : layout.loss)
        }
        let data = showsLandscape || showsPath ? [] : ToolbarItem.layout(TrainerKeymap.words(in: .data, for: self), bottomOf: layout.prediction)
        return chart
            + data
            + ToolbarItem.layout(TrainerKeymap.words(in: .weights, for: self), bottomOf: layout.weights)
            + ToolbarItem.layout(TrainerKeymap.words(in: .controls, for: self), bottomOf: layout.controls)
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
        case .l1: return .l1
        case .speed: return .speed
        }
    }
}
