// The trainer's keys and border words: the one place to add a key (help, dispatch and README follow from it).
import Terminal

/// The panel borders that carry clickable words.
enum TrainerBorder: CaseIterable {
    case loss, landscape, controls
    /// The data panel (fit, partial fit, predicted vs actual, residuals) and the Weights panel.
    case data, weights
    /// The narration window's bottom border.
    case narration
}

/// The trainer's keymap. To add a key: a `KeyCommand` here (keys, help, action), a case in `TrainerAction`, its
/// effect in `TrainerState.perform(_:)`, and the same line in README.md's key table (a test compares them both ways).
enum TrainerKeymap {
    private static func c(_ character: Character) -> Key { .character(character) }

    static let keys = Keymap<TrainerAction>(commands: [
        KeyCommand("Space", "run / pause; runs on if done", [
            KeyBinding([c(" ")], .toggleRun),
            KeyBinding([c(" ")], .handOver, in: [.handFit]),
            KeyBinding([c(" ")], .narrateStep, in: [.narration]),
        ]),
        KeyCommand("s", "one step", [KeyBinding([c("s")], .step)]),
        KeyCommand("r", "reset to step 0", [KeyBinding([c("r")], .reset)]),
        KeyCommand("c", "closed form on / off", [KeyBinding([c("c")], .compare)]),
        KeyCommand("m", "method: GD, SGD, mini-batch", [KeyBinding([c("m")], .nextMethod)]),
        KeyCommand("u", "next update rule", [KeyBinding([c("u")], .nextUpdateRule)]),
        KeyCommand("+ -", "learning rate up / down (= _)", [
            KeyBinding([c("+"), c("=")], .learningRateUp),
            KeyBinding([c("-"), c("_")], .learningRateDown),
        ]),
        KeyCommand("k", "next lr schedule", [KeyBinding([c("k")], .nextSchedule)]),
        KeyCommand("K", "rate overlay on the loss chart", [KeyBinding([c("K")], .rateOverlay)]),
        KeyCommand("L", "L1 penalty: next decade, off", [KeyBinding([c("L")], .nextL1)]),
        KeyCommand("] [", "batch size up / down", [
            KeyBinding([c("]")], .batchSizeUp),
            KeyBinding([c("[")], .batchSizeDown),
        ]),
        KeyCommand("> <", "speed up / down (. ,)", [
            KeyBinding([c(">"), c(".")], .faster),
            KeyBinding([c("<"), c(",")], .slower),
        ]),
        KeyCommand("z", "standardize: z-scores / raw", [KeyBinding([c("z")], .standardize)]),
        KeyCommand("l", "log / linear loss axis", [KeyBinding([c("l")], .logAxis)]),
        KeyCommand("x", "loss x axis: steps / epochs", [KeyBinding([c("x")], .xAxis)]),
        KeyCommand("w", "smoothing: off, 0.5 … 0.99", [KeyBinding([c("w")], .smoothing)]),
        KeyCommand("g", "pin loss curve as a ghost", [KeyBinding([c("g")], .pinGhost)]),
        KeyCommand("G", "clear the ghosts", [KeyBinding([c("G")], .clearGhosts)]),
        KeyCommand("v", "loss landscape / panels", [KeyBinding([c("v")], .landscape)]),
        KeyCommand("P", "regularization path / panels", [KeyBinding([c("P")], .pathView)]),
        KeyCommand("( )", "landscape axes; partial-fit x", [
            KeyBinding([c("(")], .landscapeX),
            KeyBinding([c(")")], .landscapeY),
        ]),
        KeyCommand("f", "data view: fit, partial, …", [KeyBinding([c("f")], .dataView)]),
        KeyCommand("o", "residual segments on / off", [KeyBinding([c("o")], .residuals)]),
        KeyCommand("W", "weights: bars / paths to w*", [KeyBinding([c("W")], .weightsView)]),
        KeyCommand("n", "narrate next step; n: take it", [
            KeyBinding([c("n")], .narrate),
            KeyBinding([c("n")], .narrateStep, in: [.narration]),
        ]),
        // The Fit view's points: p's cursor (a adds there, d removes the nearest; the status bar says so), O, U.
        KeyCommand("p O U", "cursor a d, outlier, undo all", [
            KeyBinding([c("p")], .pointCursor, in: [.main, .pointCursor]),
            KeyBinding([c("a")], .addPointAtCursor, in: [.pointCursor]),
            KeyBinding([c("d")], .removePointAtCursor, in: [.pointCursor]),
            KeyBinding([c("O")], .addOutlier),
            KeyBinding([c("U")], .undoEdits),
        ]),
        // Hand fitting: arrows tilt and shift the line (the Fit view says so), the mouse drags it; Space hands over.
        KeyCommand("h", "fit by hand; Space hands over", [KeyBinding([c("h")], .handFit, in: [.main, .handFit])]),
        KeyCommand("e", "export CSV, JSON and SVG", [KeyBinding([c("e")], .export)]),
        KeyCommand("{ }", "replay slower / faster", [
            KeyBinding([c("{")], .replaySlower),
            KeyBinding([c("}")], .replayFaster),
        ]),
        KeyCommand("t", "next theme", [KeyBinding([c("t")], .nextTheme)]),
        KeyCommand("Tab", "focus next (S-Tab: previous)", [
            KeyBinding([.tab], .focusNext),
            KeyBinding([.backTab], .focusPrevious),
        ]),
        KeyCommand("arrows", "adjust the focused control", [
            KeyBinding([.right], .adjust(by: 1, vertical: false)),
            KeyBinding([.up], .adjust(by: 1, vertical: true)),
            KeyBinding([.left], .adjust(by: -1, vertical: false)),
            KeyBinding([.down], .adjust(by: -1, vertical: true)),
            KeyBinding([.right], .moveCursor(dx: 1, dy: 0), in: [.pointCursor]),
            KeyBinding([.up], .moveCursor(dx: 0, dy: -1), in: [.pointCursor]),
            KeyBinding([.left], .moveCursor(dx: -1, dy: 0), in: [.pointCursor]),
            KeyBinding([.down], .moveCursor(dx: 0, dy: 1), in: [.pointCursor]),
            KeyBinding([.right], .nudgeLine(tilt: 1, shift: 0), in: [.handFit]),
            KeyBinding([.up], .nudgeLine(tilt: 0, shift: 1), in: [.handFit]),
            KeyBinding([.left], .nudgeLine(tilt: -1, shift: 0), in: [.handFit]),
            KeyBinding([.down], .nudgeLine(tilt: 0, shift: -1), in: [.handFit]),
        ]),
        KeyCommand("Enter", "press the focused button", [
            KeyBinding([.enter], .activate),
            KeyBinding([.enter], .narrateStep, in: [.narration]),
            KeyBinding([.enter], .addPointAtCursor, in: [.pointCursor]),
        ]),
        KeyCommand("PgDn", "help pages: PgUp Space arrows", [
            KeyBinding([.pageDown, c(" "), .right, .down], .helpPage(by: 1), in: [.help]),
            KeyBinding([.pageUp, .left, .up], .helpPage(by: -1), in: [.help]),
        ]),
        KeyCommand("? F1", "this help", [KeyBinding([c("?"), .function(1)], .help, in: [.main, .help, .narration])]),
        KeyCommand("Esc", "close help, narration, view", [
            KeyBinding([.escape], .close, in: [.main, .help, .narration]),
            KeyBinding([.escape], .pointCursor, in: [.pointCursor]),
            KeyBinding([.escape], .handFit, in: [.handFit]),
        ]),
        KeyCommand("q", "quit (Ctrl-C too)", [KeyBinding([c("q"), .control("c")], .quit, in: [.main, .help, .narration])]),
    ])

    /// The words set in `border`'s bottom line, left to right, as they read in `state` (each is also a key).
    static func words(in border: TrainerBorder, for state: TrainerState) -> [(TrainerAction, String)] {
        switch border {
        case .loss:
            var words: [(TrainerAction, String)] = [
                (.logAxis, state.logLossAxis ? "log" : "lin"), (.xAxis, state.showsEpochs ? "epochs" : "steps"),
                (.smoothing, "avg " + state.smoothing.label), (.pinGhost, "+ghost"),
            ]
            if !state.ghosts.isEmpty { words.append((.clearGhosts, "clear")) }
            return words
        case .landscape:
            let names = state.parameterNames
            let axes = state.landscapeAxes
            var words: [(TrainerAction, String)] = []
            if axes.isChoosable {
                words += [
                    (.landscapeX, "x: " + names[min(axes.x, names.count - 1)]),
                    (.landscapeY, "y: " + names[min(axes.y, names.count - 1)]),
                ]
            }
            return words + [(.close, "back")]
        case .controls:
            var words: [(TrainerAction, String)] = [
                (.landscape, state.showsLandscape ? "panels" : "landscape"), (.narrate, "narrate"),
            ]
            if !state.hidden.contains(.standardize) { words.append((.standardize, state.standardized ? "z-scores" : "raw")) }
            return words + [(.export, "export")]
        case .narration:
            return [(.narrateStep, "n: take this step"), (.close, "Esc: close")]
        case .data:
            // The next view, and the view's own switch (residual segments, the partial fit's feature).
            var words: [(TrainerAction, String)] = [(.dataView, "next view")]
            switch state.dataView {
            case .fit: words.append((.residuals, "residuals"))
            case .partialFit:
                if state.partialFeature < state.featureNames.count {
                    words.append((.partialNext, "x: " + state.featureNames[state.partialFeature]))
                }
            case .predictedActual, .residuals: break
            }
            return words
        case .weights:
            return [(.weightsView, state.weightsView == .bars ? "paths" : "bars")]
        }
    }
}
