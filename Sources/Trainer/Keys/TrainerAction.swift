// Everything a key or a border word can ask of the trainer: the one action vocabulary of its keymap.

/// What a key (see `TrainerKeymap`) or a clicked word in a panel border does; `TrainerState.perform(_:)` does it.
public enum TrainerAction: Equatable, Sendable {
    // Training.
    case toggleRun, step, reset, compare
    case nextMethod, nextUpdateRule
    case learningRateUp, learningRateDown, batchSizeUp, batchSizeDown, faster, slower
    case standardize
    /// The next learning-rate schedule (`k`), and the rate drawn over the loss chart (`K`).
    case nextSchedule, rateOverlay
    /// The L1 penalty's next decade (`L`), off after the top.
    case nextL1
    /// The regularization path view (`P`).
    case pathView
    // The loss chart.
    case logAxis, xAxis, smoothing, pinGhost, clearGhosts
    // Lessons.
    case landscape, landscapeX, landscapeY, narrate, narrateStep
    // The data panel's views (f), residual segments (o), the partial fit's feature, the Weights panel's view (W).
    case dataView, residuals, partialPrevious, partialNext, weightsView
    // Editing the Fit view's points: the cursor mode (`p`, Esc), adding and removing at the cursor, moving it,
    // one outlier (`O`) and undoing every edit (`U`).
    case pointCursor, addPointAtCursor, removePointAtCursor, addOutlier, undoEdits
    case moveCursor(dx: Int, dy: Int)
    // Fitting the line by hand: the mode (`h`, Esc), Space handing over to gradient descent, and the arrows'
    // presses that tilt the line (about the mean of x) and shift it.
    case handFit, handOver
    case nudgeLine(tilt: Int, shift: Int)
    // Elsewhere.
    case export, nextTheme
    /// A replay's speed: half (`{`) or twice (`}`) as fast.
    case replaySlower, replayFaster
    // The focused control.
    case focusNext, focusPrevious
    /// Arrows: +1 / −1 to the focused control; `vertical` for up / down (they move the focus among buttons).
    case adjust(by: Int, vertical: Bool)
    case activate
    // Windows.
    /// Opens the help, or closes it when it is open.
    case help
    /// The help's next (+1) or previous (−1) page, when it takes more than one.
    case helpPage(by: Int)
    /// Closes the window on top, or else the landscape.
    case close
    case quit
}
