// Fitting the line by hand (`h`): arrows and the mouse set slope and intercept, Space lets gradient descent go on.
import MessageText
import Engine
import Plot
import Terminal

/// The line a learner sets by hand, in data units, and what a left drag in the Fit view holds of it.
public struct HandFit: Sendable, Equatable {
    public var slope: Double
    public var intercept: Double
    /// A handle (its x, and the other handle's, where the press found them: the line turns about the other) or
    /// the whole line, `offset` above it where it was taken.
    enum Grip: Sendable, Equatable {
        case handle(x: Double, pivot: Double)
        case line(offset: Double)
    }
    var grip: Grip?

    public init(slope: Double, intercept: Double) {
        self.slope = slope
        self.intercept = intercept
    }

    func value(at x: Double) -> Double { intercept + slope * x }

    /// The handles' x on a chart: a fifth of the way in from each end of the part of the line the plot shows
    /// (the whole x axis when the line crosses it from side to side); none when the line misses the plot.
    static func handleXs(_ mapping: ChartMapping, slope: Double, intercept: Double) -> [Double] {
        var lower = mapping.xAxis.lower, upper = mapping.xAxis.upper
        let bottom = mapping.yAxis.lower, top = mapping.yAxis.upper
        if slope != 0 {
            // Where the line enters and leaves the band bottom ≤ y ≤ top.
            let a = (bottom - intercept) / slope, b = (top - intercept) / slope
            lower = max(lower, min(a, b))
            upper = min(upper, max(a, b))
        } else if !(bottom...top).contains(intercept) {
            return []
        }
        guard lower.isFinite, upper.isFinite, lower < upper else { return [] }
        let span = upper - lower
        return [lower + 0.2 * span, lower + 0.8 * span]
    }
}

/// How far one arrow press moves a hand-fitted line: ↑ ↓ shift it by a twentieth of the target's sd; ← → tilt it
/// by a twentieth of σy/σx about the mean of x (where the line keeps its height), so a press moves it visibly on
/// any data and twenty bring a flat line to the data's own slope.
public struct LineNudge: Sendable, Equatable {
    public var pivotX: Double
    public var shift: Double
    public var tilt: Double

    public init(pivotX: Double, shift: Double, tilt: Double) {
        self.pivotX = pivotX
        self.shift = shift
        self.tilt = tilt
    }

    /// From the first feature and the target of `data`, with `scaling` its standardization (nil without rows).
    public init?(data: Dataset, scaling: FeatureScaling) {
        guard data.rowCount > 0, data.featureCount >= 1, scaling.scales.count >= 1 else { return nil }
        let ySD = (RegressionMetrics.totalSumOfSquares(data.y) / Double(data.rowCount)).squareRoot()
        let sy = ySD > 0 && ySD.isFinite ? ySD : 1
        self.init(pivotX: scaling.shifts[0], shift: sy / 20, tilt: sy / scaling.scales[0] / 20)
    }
}

extension TrainerState {
    /// Takes the figures the screen reads from the training rows (as loaded, and after each edit): their count,
    /// whether points may be edited, the features' σ for the weight bars and the hand-fit arrows' steps.
    public mutating func takeRows(_ train: Dataset) {
        rowCount = max(1, train.rowCount)
        dataEditingRefusal = train.editingRefusal?.description
        let scaling = FeatureScaling(standardizing: train, centred: true)
        featureScales = scaling.scales
        lineNudge = train.featureCount == 1 ? LineNudge(data: train, scaling: scaling) : nil
    }

    /// `h` and Esc: hand-fit mode on (from the line shown, the run paused) or off, the line kept as the start.
    mutating func toggleHandFit() -> [SessionCommand] {
        if handFit != nil {
            handFit = nil
            return []
        }
        guard allowed(nil) else { return [] }
        guard featureNames.count == 1 else {
            notice = "fitting by hand sets a line: it needs one input feature (no --poly)"
            return []
        }
        pointCursor = nil
        let slope = snapshot.weights.first ?? 0, intercept = snapshot.intercept ?? 0
        handFit = HandFit(slope: slope.isFinite ? slope : 0, intercept: intercept.isFinite ? intercept : 0)
        var commands: [SessionCommand] = []
        if isRunning {
            expected.expect(running: false, at: snapshot.step)
            commands.append(.pause)
        }
        // ‖w − w*‖ and loss − loss* beside the line need the closed form (not drawn unless `c` asks for it),
        // unless a preset keeps it from the class.
        let closedFormKept = locked.contains(.closedForm) || hidden.contains(.closedForm)
        if !closedFormKept, snapshot.closedForm == nil, snapshot.closedFormFailure == nil { commands.append(.requestClosedForm) }
        return commands
    }

    /// Space in hand-fit mode: gradient descent goes on from the line set by hand (already its start).
    mutating func handOver() -> [SessionCommand] {
        handFit = nil
        guard !isRunning else { return [] }
        return perform(.toggleRun)
    }

    /// Arrows in hand-fit mode: `tilt` presses turn the line about the mean of x, `shift` presses move it up.
    mutating func nudgeLine(tilt: Int, shift: Int) -> [SessionCommand] {
        guard var fit = handFit, let nudge = lineNudge else { return [] }
        if tilt != 0 {
            let change = Double(tilt) * nudge.tilt
            fit.slope += change
            if fitIntercept { fit.intercept -= change * nudge.pivotX }
        }
        if shift != 0 {
            guard fitIntercept else {
                notice = "no intercept (--no-intercept): the line goes through 0; ← → tilt it"
                return []
            }
            fit.intercept += Double(shift) * nudge.shift
        }
        return setHandLine(fit)
    }

    /// The line set by hand becomes the run's start: step 0 from there, its loss evaluated by the engine.
    private mutating func setHandLine(_ fit: HandFit) -> [SessionCommand] {
        guard fit.slope.isFinite, fit.intercept.isFinite, allowed(nil) else { return [] }
        let moved = handFit.map { $0.slope != fit.slope || $0.intercept != fit.intercept } ?? true
        handFit = fit
        return moved ? [.startFrom([fit.slope, fitIntercept ? fit.intercept : 0])] : []
    }

    /// The mouse in hand-fit mode on the Fit view: a left press near a ◆ handle takes it (the line turns about the
    /// other handle), anywhere else on the plot it takes the whole line; a drag moves what was taken (held on the
    /// plot). nil: the event is not for hand fitting.
    mutating func handleHandFitMouse(button: MouseButton, action: MouseAction, x: Int, y: Int) -> [SessionCommand]? {
        guard var fit = handFit, let chart = fitChart else { return nil }
        let mapping = chart.mapping
        if let grip = fit.grip {
            guard button == .left, action != .press else {
                handFit?.grip = nil
                return nil
            }
            if action == .release { fit.grip = nil }
            let cell = chart.clamped(CellPosition(x: x, y: y))
            guard let pointer = mapping.value(atCellX: cell.x, y: cell.y) else { return [] }
            switch grip {
            case .handle(let held, let pivot):
                if fitIntercept {
                    let pivotY = fit.value(at: pivot)
                    guard held != pivot else { return [] }
                    fit.slope = (pointer.y - pivotY) / (held - pivot)
                    fit.intercept = pivotY - fit.slope * pivot
                } else if held != 0 {
                    fit.slope = pointer.y / held
                }
            case .line(let offset):
                if fitIntercept {
                    fit.intercept = pointer.y - offset - fit.slope * pointer.x
                } else if pointer.x != 0 {
                    fit.slope = pointer.y / pointer.x
                }
            }
            let commands = setHandLine(fit)
            if action == .release { handFit?.grip = nil }
            return commands
        }
        // On the plot every event is hand fitting's (a right click edits no point here); elsewhere it is not.
        guard showsFitView, mapping.plot.contains(x: x, y: y) else { return nil }
        guard button == .left, action == .press, allowed(nil), let pointer = mapping.value(atCellX: x, y: y) else { return [] }
        let handles = HandFit.handleXs(mapping, slope: fit.slope, intercept: fit.intercept)
        let handle = handles.firstIndex { handleX in
            guard let cell = mapping.cell(x: handleX, y: fit.value(at: handleX)) else { return false }
            return abs(cell.x - x) <= 2 && abs(cell.y - y) <= 1
        }
        fit.grip = handle.map { .handle(x: handles[$0], pivot: handles[1 - $0]) }
            ?? .line(offset: pointer.y - fit.value(at: pointer.x))
        handFit = fit
        return []
    }

    /// The status bar's figures in hand-fit mode: the line, its loss as the engine evaluated it, and how far it
    /// is from the least-squares line (once the closed form is known and no preset keeps it back).
    var handFitFigures: [String] {
        let snapshot = self.snapshot
        var figures = [
            "slope " + NumberText.figure(snapshot.weights.first ?? .nan),
            "intercept " + NumberText.figure(snapshot.intercept ?? 0),
            hyperparameters.loss.shortName + " " + NumberText.figure(snapshot.trainLoss),
        ]
        let closedFormKept = locked.contains(.closedForm) || hidden.contains(.closedForm)
        if !closedFormKept, let optimum = snapshot.closedForm, let w = snapshot.weights.first, let best = optimum.weights.first {
            figures.append("loss − loss* " + NumberText.figure(ClosedFormStats.excessLoss(snapshot.trainLoss, optimum: optimum.trainLoss)))
            figures.append("|w − w*| " + NumberText.figure(abs(w - best)))
        }
        return figures
    }
}
