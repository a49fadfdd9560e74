// Everything the trainer screen shows and remembers, as a value: input goes in, session commands come out.
import Engine
import Foundation
import Plot
import Terminal

/// The UI's state. Pure: `handle(_:)` changes it and returns what the session must do, so it is testable without a terminal.
public struct TrainerState: Sendable {
    public var width: Int
    public var height: Int
    public var focus: ControlID = .run
    public var overlay: Overlay = .none
    /// The help page asked for (`HelpOverlay` takes it modulo its page count); 0 each time the help opens.
    public var helpPage = 0
    public var logLossAxis = true
    /// Whether the closed-form comparison is shown (it is computed once, in the background).
    public var isComparing = false
    /// The hyperparameters the user has chosen; sent to the session on every change.
    public var hyperparameters: Hyperparameters
    public var speed: SpeedSetting
    /// Index into the theme catalog; the frame loop applies it.
    public var themeIndex = 0
    /// The latest copy of the engine's state, as the engine published it (never changed here).
    public var snapshot: TrainingSnapshot
    /// Run state the user asked for that `snapshot` does not show yet; `status` and `standardized` show it.
    public var expected = ExpectedRun()
    /// Training rows: the top of the batch-size slider.
    public var rowCount: Int
    public var dataName: String
    public var featureNames: [String]
    /// σ of each feature on the training rows: the weight bars are drawn to w·σ (nil: to w).
    public var featureScales: [Double]?
    /// A one-line message for the title bar (a theme warning, a failed action).
    public var notice: String?
    /// The slider being dragged with the mouse.
    public var dragging: ControlID?
    /// How finely charts draw: braille on UTF-8 terminals, ASCII otherwise.
    public var renderMode: RenderMode = .braille
    /// Set when the app should end, with the process exit status.
    public var exitCode: Int32?

    // Classroom features (issue 7).
    /// Whether the left column shows the loss landscape instead of the loss and prediction panels.
    public var showsLandscape = false
    public var landscapeAxes: LandscapeAxes
    /// Pinned loss curves drawn behind the live one.
    public var ghosts = GhostRuns()
    public var smoothing = SmoothingSetting()
    /// Label the loss chart's x axis in epochs instead of steps.
    public var showsEpochs = false
    /// Overlay the scheduled learning rate on the loss chart (`K`), on its own scale.
    public var showsRate = false
    /// Whether the left column shows the regularization path (`P`) instead of the loss and prediction panels.
    public var showsPath = false

    /// scikit-learn's (alpha, l1_ratio) of the penalties in force (nil without an L1 penalty); the path is
    /// drawn for this l1_ratio (1 without L1) with a marker at this alpha.
    var penaltyOnPath: (alpha: Double, l1Ratio: Double)? {
        let h = hyperparameters
        guard h.l1 > 0 else { return nil }
        let mapped = ElasticNetOptimum.scikitLearnParameters(l1: h.l1, l2: h.l2, multipleOfMSE: h.loss.multipleOfMSE(rows: rowCount))
        return (mapped.alpha, mapped.l1Ratio)
    }
    /// The step the narration overlay explains.
    public var narration: StepNarration?
    /// Controls a teacher's preset locked (shown, not changeable) or hid.
    public var locked: Set<PresetControl> = []
    public var hidden: Set<PresetControl> = []
    /// The preset's name, shown in the title bar while it is in force (nil: no preset).
    public var presetName: String?
    /// Set while a recording plays back: the keys that would change training are off.
    public var replayProgress: (sent: Int, total: Int)?
    /// The replay's speed (1: the recorded pace; nil: as fast as possible); `{` `}` change it.
    public var replaySpeed: Double? = 1
    /// Work for the frame loop that needs the session (ghosts, export, narration); it empties this list.
    public var requests: [TrainerRequest] = []

    // Seeing the model on the data (issue 14).
    /// The single input a Fit view plots on x (the feature, or the base of a one-feature polynomial); nil
    /// with several features.
    public var fitInputName: String?
    /// The target's name, for the Fit view's title.
    public var targetName = "y"
    /// What the data panel shows; `f` cycles through `DataView.cycle`.
    public var dataView: DataView
    /// Residual segments from each point to the model in the Fit view (`o`).
    public var showsResiduals = false
    /// The feature the partial-fit view shows (`(` and `)` choose it).
    public var partialFeature = 0
    /// Bars or weight paths in the Weights panel (`W`).
    public var weightsView = WeightsView.bars

    // Hands on the data (issue 15).
    /// The point cursor's cell in cursor mode (`p`), nil outside it.
    public var pointCursor: CellPosition?
    /// The training row a left-drag in the Fit view holds.
    public var draggedPoint: Int?
    /// Where the Fit view's data lands on screen and the training points it shows, as last drawn (the frame
    /// loop sets them: `showFitChart(_:)`); nil outside the Fit view.
    public var fitChart: FitChartPlacement?
    /// Where the landscape's map lands on screen and the slice it shows, as last drawn (the frame loop sets it:
    /// `showLandscapeChart(_:)`); nil when the landscape is not open. A click there picks a start.
    public var landscapeChart: LandscapePlacement?
    /// The point on the landscape's axes a start was last picked at, until the map has re-centred on it (the
    /// cursor follows it there).
    public var pickedStart: (x: Double, y: Double)?
    /// The line set by hand in hand-fit mode (`h`), nil outside it.
    public var handFit: HandFit?
    /// How far an arrow moves a hand-fitted line on these data (the app sets it from the rows; nil: no arrows).
    public var lineNudge: LineNudge?
    /// Whether the model has an intercept (without one a hand-fitted line goes through 0).
    public var fitIntercept: Bool
    /// Why the loaded data cannot have its points edited (the engine's words: many features, many rows), nil if it can.
    public var dataEditingRefusal: String?

    public init(
        width: Int, height: Int, hyperparameters: Hyperparameters, speed: SpeedSetting = .unlimited,
        snapshot: TrainingSnapshot = TrainingSnapshot(), rowCount: Int, dataName: String, featureNames: [String],
        fitIntercept: Bool = true, fitInputName: String? = nil
    ) {
        self.width = width
        self.height = height
        self.hyperparameters = hyperparameters
        self.speed = speed
        self.snapshot = snapshot
        self.rowCount = max(1, rowCount)
        self.dataName = dataName
        self.featureNames = featureNames
        landscapeAxes = LandscapeAxes(featureCount: featureNames.count, fitIntercept: fitIntercept)
        self.fitIntercept = fitIntercept
        self.fitInputName = fitInputName
        dataView = DataView.cycle(singleInput: fitInputName != nil)[0]
    }

    /// The data views `f` cycles through for this data.
    var dataViews: [DataView] { DataView.cycle(singleInput: fitInputName != nil) }

    /// The lr slider's range before the data's stability bound is known (for the MSE).
    static let defaultLearningRateScale = LogScale(lower: 1e-5, upper: 10)
    /// The lr slider's range: whole decades from 10⁻⁵ to 10 times the full-batch bound 2/λmax of the objective in
    /// force, so the stable rates of any data (raw Longley's are below 5.8e-12) are on the track (1e-5…10 for a
    /// bound of 1). The session's bound is already that of J = k·MSE (k times smaller); before it is known (or
    /// while it is still the previous loss scaling's) the range is 1e-5…10 ÷ k.
    var learningRateScale: LogScale {
        let k = hyperparameters.loss.multipleOfMSE(rows: rowCount)
        let bound = snapshot.hyperparameters.loss == hyperparameters.loss ? snapshot.largestStableLearningRate : .infinity
        return Self.learningRateScale(bound: bound, multipleOfMSE: k)
    }

    static func learningRateScale(bound: Double, multipleOfMSE k: Double = 1) -> LogScale {
        let fallback = k == 1 ? defaultLearningRateScale : LogScale(lower: 1e-5 / k, upper: 10 / k)
        guard bound.isFinite, bound > 0 else { return fallback }
        let lower = pow(10, floor(log10(bound * 1e-5))), upper = pow(10, ceil(log10(bound * 10)))
        guard lower.isNormal, upper.isFinite, upper > lower else { return fallback }
        return LogScale(lower: lower, upper: upper)
    }
    var batchScale: LogScale { LogScale(lower: 1, upper: Double(rowCount)) }

    /// The run state to show and act on: the engine's, or what the user just asked for.
    public var status: TrainingStatus { expected.status(over: snapshot) }

    /// Whether features are standardized, as shown: the engine's scaling, or the one `z` just asked for.
    public var standardized: Bool { expected.standardized?.value ?? snapshot.standardized }

    /// Takes the engine's latest snapshot, forgetting the expectations it fulfils.
    public mutating func receive(_ snapshot: TrainingSnapshot, now: Date = Date()) {
        self.snapshot = snapshot
        expected.retire(given: snapshot, now: now)
    }

    var isRunning: Bool { status == .running }

    var isReplaying: Bool { replayProgress != nil }

    /// Whether the engine stopped the run because the loss settled (its tolerance test).
    var isConverged: Bool { status == .converged }

    var layout: ScreenLayout { ScreenLayout(width: width, height: height) }

    // MARK: - Input

    /// Applies one input event and returns the commands the session must receive, in order.
    public mutating func handle(_ event: InputEvent) -> [SessionCommand] {
        switch event {
        case let .resize(width, height):
            self.width = width
            self.height = height
            dragging = nil
            draggedPoint = nil
            return []
        case let .terminationSignal(number):
            exitCode = 128 + number
            return []
        case let .key(key):
            return handle(key: key)
        case let .mouse(button, action, x, y):
            return handleMouse(button: button, action: action, x: x, y: y)
        }
    }

    /// Where keys are read now: the window on top, if any, takes them.
    var keyContext: KeyContext {
        switch overlay {
        case .none: return pointCursor != nil ? .pointCursor : handFit != nil ? .handFit : .main
        case .help: return .help
        case .narration: return .narration
        }
    }

    private mutating func handle(key: Key) -> [SessionCommand] {
        let context = keyContext
        // A mode's own keys first (the point cursor's, hand fitting's); the rest do what they do on the main screen.
        guard let action = TrainerKeymap.keys.action(for: key, in: context)
            ?? (context == .pointCursor || context == .handFit ? TrainerKeymap.keys.action(for: key, in: .main) : nil)
        else { return [] }
        return perform(action)
    }

    /// Does one action of a key or a border word (see `TrainerKeymap`), returning the session commands it needs.
    mutating func perform(_ action: TrainerAction) -> [SessionCommand] {
        switch action {
        case .toggleRun: return toggleRunning()
        case .step: return step()
        case .reset: return reset()
        case .compare: return toggleComparison()
        case .nextMethod: return cycleMethod(by: 1)
        case .nextUpdateRule: return cycleUpdateRule(by: 1)
        case .learningRateUp: return setLearningRate(learningRateNotch(after: hyperparameters.learningRate, up: true))
        case .learningRateDown: return setLearningRate(learningRateNotch(after: hyperparameters.learningRate, up: false))
        case .batchSizeUp: return setBatchSize(max(hyperparameters.batchSize * 2, hyperparameters.batchSize + 1))
        case .batchSizeDown: return setBatchSize(hyperparameters.batchSize / 2)
        case .nextL1: return setL1(Self.l1Decade(after: hyperparameters.l1, in: l1Scale))
        case .faster: return setSpeed(speed.faster)
        case .slower: return setSpeed(speed.slower)
        case .nextTheme: themeIndex += 1
        case .logAxis: logLossAxis.toggle()
        case .xAxis: showsEpochs.toggle()
        case .smoothing: smoothing = smoothing.next
        case .clearGhosts: ghosts.clear()
        case .pinGhost: requests.append(.pinGhost)
        case .export: requests.append(.export)
        case .replaySlower, .replayFaster:
            guard isReplaying else {
                notice = "{ } change a replay's speed (descent --replay FILE)"
                return []
            }
            replaySpeed = action == .replayFaster ? ReplayPace.faster(replaySpeed) : ReplayPace.slower(replaySpeed)
            requests.append(.replaySpeed(replaySpeed))
            notice = "replay " + ReplayPace.label(replaySpeed)
        case .landscape:
            guard landscapeAxes.isPlottable else {
                notice = "the landscape needs two parameters (a feature and the intercept, or two features)"
                return []
            }
            showsLandscape.toggle()
            pointCursor = nil
            if showsLandscape { showsPath = false }
        case .dataView:
            let views = dataViews
            dataView = views[((views.firstIndex(of: dataView) ?? -1) + 1) % views.count]
            pointCursor = nil
            if showsLandscape { showsLandscape = false }
            if showsPath { showsPath = false }
        case .residuals:
            guard dataView == .fit else {
                notice = fitInputName == nil
                    ? "residual segments need one input feature: see the residuals view (f)"
                    : "residual segments show in the Fit view (f)"
                return []
            }
            showsResiduals.toggle()
        case .weightsView:
            weightsView = weightsView == .bars ? .paths : .bars
            // The paths end at dashed w* lines: the closed form is wanted (computed once, in the background).
            if weightsView == .paths, snapshot.closedForm == nil, snapshot.closedFormFailure == nil, !isReplaying {
                return [.requestClosedForm]
            }
        case .partialPrevious, .partialNext:
            let count = featureNames.count
            guard count > 0 else { return [] }
            partialFeature = (partialFeature + (action == .partialNext ? 1 : count - 1)) % count
        case .landscapeX, .landscapeY:
            guard showsLandscape else {
                // Without the landscape, ( and ) choose the partial-fit view's feature.
                if dataView == .partialFit { return perform(action == .landscapeX ? .partialPrevious : .partialNext) }
                return []
            }
            guard landscapeAxes.isChoosable else {
                notice = "one feature and an intercept: the axes are w and b"
                return []
            }
            landscapeAxes = action == .landscapeX ? landscapeAxes.nextX() : landscapeAxes.nextY()
        case .standardize:
            guard allowed(.standardize) else { return [] }
            let on = !standardized
            expected.expect(standardized: on)
            // The closed form, condition number and stable rate depend on the scaling: ask for them again.
            return [.setStandardized(on)] + (isComparing || weightsView == .paths ? [.requestClosedForm] : [])
        case .narrate:
            guard allowed(nil) else { return [] }
            overlay = .narration
            requests.append(.narrate)
        case .narrateStep:
            guard allowed(nil) else { return [] }
            requests.append(.narrateStep)
        case .focusNext: focus = focus.next
        case .focusPrevious: focus = focus.previous
        case let .adjust(delta, vertical): return adjust(focus, by: delta, vertical: vertical)
        case .activate: return activate(focus)
        case .help:
            overlay = overlay == .help ? .none : .help
            helpPage = 0
        case let .helpPage(delta): helpPage += delta
        case .close:
            if overlay != .none {
                overlay = .none
            } else {
                if showsLandscape || showsPath { pointCursor = nil }
                showsLandscape = false
                showsPath = false
            }
        case .quit: exitCode = 0
        case .nextSchedule: return cycleSchedule()
        case .pathView:
            pointCursor = nil
            showsPath.toggle()
            if showsPath { showsLandscape = false }
        case .rateOverlay: showsRate.toggle()
        case .pointCursor: togglePointCursor()
        case .moveCursor(let dx, let dy): moveCursor(dx: dx, dy: dy)
        case .addPointAtCursor: return addPointAtCursor()
        case .removePointAtCursor: return removePointAtCursor()
        case .handFit: return toggleHandFit()
        case .handOver: return handOver()
        case .nudgeLine(let tilt, let shift): return nudgeLine(tilt: tilt, shift: shift)
        case .addOutlier: return editData(.addOutlier)
        case .undoEdits: return editData(.undoAll)
        }
        return []
    }

    /// Whether a change to `control` may happen now; if not, says why in the title bar.
    /// nil: a change to training with no control of its own (stepping, narrating), refused only while replaying.
    mutating func allowed(_ control: PresetControl?) -> Bool {
        if isReplaying {
            notice = "replaying a recording: training keys are off (q quits)"
            return false
        }
        guard let control, locked.contains(control) || hidden.contains(control) else { return true }
        notice = "\(control.rawValue): locked by the preset"
        return false
    }

    private mutating func handleMouse(button: MouseButton, action: MouseAction, x: Int, y: Int) -> [SessionCommand] {
        let layout = self.layout
        guard !layout.isTooSmall else { return [] }
        if overlay != .none {
            guard action == .press, button == .left else { return [] }
            if overlay == .narration, let item = toolbarItems().first(where: { $0.area.contains(x: x, y: y) }) {
                return perform(item.action)
            }
            overlay = .none
            return []
        }
        if let commands = handleHandFitMouse(button: button, action: action, x: x, y: y) { return commands }
        if handFit == nil, let commands = handleFitMouse(button: button, action: action, x: x, y: y) { return commands }
        if let commands = handleLandscapeMouse(button: button, action: action, x: x, y: y) { return commands }
        switch (button, action) {
        case (.left, .press):
            if let item = toolbarItems().first(where: { $0.area.contains(x: x, y: y) }) { return perform(item.action) }
            guard let id = layout.control(atX: x, y: y), isShown(id) else { return [] }
            focus = id
            switch id {
            case .run, .step, .reset, .closedForm: return activate(id)
            case .method, .update:
                let selector = self.selector(id)
                guard let area = layout.controlAreas[id], let choice = selector.option(atX: x, in: area) else { return [] }
                return id == .method ? setMethod(TrainingMethod.allCases[choice]) : setUpdateRule(UpdateRule.allCases[choice])
            case .learningRate, .batchSize, .l1, .speed:
                dragging = id
                return setSlider(id, atX: x)
            }
        case (.left, .drag):
            guard let id = dragging else { return [] }
            return setSlider(id, atX: x)
        case (.left, .release):
            guard let id = dragging else { return [] }
            dragging = nil
            return setSlider(id, atX: x)
        case (.wheelUp, _), (.wheelDown, _):
            guard let id = layout.control(atX: x, y: y), !id.isButton, isShown(id) else { return [] }
            focus = id
            return adjust(id, by: button == .wheelUp ? 1 : -1, vertical: false)
        default:
            return []
        }
    }

    // MARK: - Actions

    private mutating func toggleRunning() -> [SessionCommand] {
        if isRunning {
            expected.expect(running: false, at: snapshot.step)
            return [.pause]
        }
        guard allowed(nil) else { return [] }
        handFit = nil
        // After convergence the engine resumes with its tolerance test waived: Space really runs on.
        expected.expect(running: true, at: snapshot.step)
        return [.start]
    }

    private mutating func step() -> [SessionCommand] {
        guard allowed(nil) else { return [] }
        handFit = nil
        return [.step]
    }

    /// Back to the configured start (a start picked on the landscape or fitted by hand is left behind).
    private mutating func reset() -> [SessionCommand] {
        guard allowed(.reset) else { return [] }
        handFit = nil
        return [.reset]
    }

    private mutating func toggleComparison() -> [SessionCommand] {
        guard allowed(.closedForm) else { return [] }
        isComparing.toggle()
        return isComparing && snapshot.closedForm == nil ? [.requestClosedForm] : []
    }

    private mutating func activate(_ id: ControlID) -> [SessionCommand] {
        switch id {
        case .run: return toggleRunning()
        case .step: return step()
        case .reset: return reset()
        case .closedForm: return toggleComparison()
        default: return []
        }
    }

    /// Arrow keys and the wheel: sliders and selectors change value; among the buttons, left / right move the focus.
    private mutating func adjust(_ id: ControlID, by delta: Int, vertical: Bool) -> [SessionCommand] {
        switch id {
        case .run, .step, .reset, .closedForm:
            if vertical { focus = delta > 0 ? focus.previous : focus.next; return [] }
            let buttons: [ControlID] = [.run, .step, .reset, .closedForm]
            let index = (buttons.firstIndex(of: id) ?? 0) + delta
            focus = buttons[min(buttons.count - 1, max(0, index))]
            return []
        case .method: return cycleMethod(by: delta)
        case .update: return cycleUpdateRule(by: delta)
        case .learningRate:
            return setLearningRate(learningRateNotch(after: hyperparameters.learningRate, up: delta > 0))
        case .batchSize:
            let b = hyperparameters.batchSize
            return setBatchSize(delta > 0 ? max(b * 2, b + 1) : b / 2)
        case .l1: return setL1(Self.l1Notch(after: hyperparameters.l1, up: delta > 0, in: l1Scale))
        case .speed: return setSpeed(delta > 0 ? speed.faster : speed.slower)
        }
    }

    private mutating func setSlider(_ id: ControlID, atX x: Int) -> [SessionCommand] {
        guard let area = layout.controlAreas[id] else { return [] }
        let fraction = Slider.fraction(atX: x, in: area)
        switch id {
        case .learningRate: return setLearningRate(Self.roundedToTwoDigits(learningRateScale.value(at: fraction)))
        case .batchSize: return setBatchSize(Int(batchScale.value(at: fraction).rounded()))
        case .l1: return setL1(Self.l1Value(atFraction: fraction, in: l1Scale))
        case .speed: return setSpeed(.nearest(toFraction: fraction))
        default: return []
        }
    }

    private mutating func cycleMethod(by delta: Int) -> [SessionCommand] {
        let all = TrainingMethod.allCases
        let index = all.firstIndex(of: hyperparameters.method) ?? 0
        return setMethod(all[(index + delta + all.count) % all.count])
    }

    private mutating func cycleUpdateRule(by delta: Int) -> [SessionCommand] {
        let all = UpdateRule.allCases
        let index = all.firstIndex(of: hyperparameters.update) ?? 0
        return setUpdateRule(all[(index + delta + all.count) % all.count])
    }

    /// The next learning-rate schedule (constant → inverse → invscaling → step → cosine), parameters kept.
    private mutating func cycleSchedule() -> [SessionCommand] {
        guard allowed(.lr) else { return [] }
        let all = ScheduleKind.allCases
        let index = all.firstIndex(of: hyperparameters.schedule.kind) ?? 0
        return changeHyperparameters { $0.schedule.kind = all[(index + 1) % all.count] }
    }

    /// Whether the rate moves step by step (a schedule other than constant is on).
    var isDecaying: Bool { hyperparameters.schedule.kind != .constant }

    /// The rate the next step takes: the engine's figure while it runs the schedule chosen here, else η₀.
    var currentLearningRate: Double {
        let engine = snapshot.hyperparameters
        guard isDecaying, engine.schedule == hyperparameters.schedule, engine.learningRate == hyperparameters.learningRate
        else { return hyperparameters.learningRate }
        return snapshot.currentLearningRate
    }

    private mutating func setMethod(_ method: TrainingMethod) -> [SessionCommand] {
        guard allowed(.method) else { return [] }
        return changeHyperparameters { $0.method = method }
    }

    private mutating func setUpdateRule(_ rule: UpdateRule) -> [SessionCommand] {
        guard allowed(.update) else { return [] }
        return changeHyperparameters { $0.update = rule }
    }

    private mutating func setLearningRate(_ rate: Double) -> [SessionCommand] {
        guard allowed(.lr) else { return [] }
        let scale = learningRateScale
        let clamped = min(scale.upper, max(scale.lower, rate))
        return changeHyperparameters { $0.learningRate = clamped }
    }

    private mutating func setBatchSize(_ size: Int) -> [SessionCommand] {
        guard allowed(.batch) else { return [] }
        let clamped = min(rowCount, max(1, size))
        return changeHyperparameters { $0.batchSize = clamped }
    }

    /// The L1 penalty α₁ (`--l1`): 0 switches it off. Sent to the engine like every other setting, so a recording
    /// replays it at the step it took effect.
    private mutating func setL1(_ alpha: Double) -> [SessionCommand] {
        guard allowed(.l1) else { return [] }
        let clamped = alpha > 0 ? min(l1Scale.upper, max(l1Scale.lower, alpha)) : 0
        return changeHyperparameters { $0.l1 = clamped }
    }

    private mutating func setSpeed(_ setting: SpeedSetting) -> [SessionCommand] {
        guard setting != speed, allowed(.speed) else { return [] }
        speed = setting
        return [.setSpeed(stepsPerSecond: setting.stepsPerSecond)]
    }

    /// Runs on after convergence, as a new setting does: the engine tests the changed experiment afresh.
    mutating func runningOnIfConverged(_ commands: [SessionCommand]) -> [SessionCommand] {
        guard isConverged, !commands.isEmpty else { return commands }
        expected.expect(running: true, at: snapshot.step)
        return commands + [.start]
    }

    private mutating func changeHyperparameters(_ change: (inout Hyperparameters) -> Void) -> [SessionCommand] {
        var updated = hyperparameters
        change(&updated)
        guard updated != hyperparameters else { return [] }
        hyperparameters = updated
        // A new setting after convergence is a reason to run on: the run continues with it (and the engine
        // tests the new experiment for convergence from its next step).
        guard isConverged else { return [.setHyperparameters(updated)] }
        expected.expect(running: true, at: snapshot.step)
        return [.setHyperparameters(updated), .start]
    }

    // MARK: - Learning-rate notches

    /// The 1-2-5 sequence across the slider's range in force, the stops of the + and - keys.
    var learningRateNotches: [Double] { Self.learningRateNotches(in: learningRateScale) }

    /// The next notch above (or below) `rate` in the slider's range in force; stays at the end of the range.
    func learningRateNotch(after rate: Double, up: Bool) -> Double {
        Self.learningRateNotch(after: rate, up: up, in: learningRateScale)
    }

    /// The 1-2-5 sequence over `scale`, the stops of the + and - keys (the lower end when none falls inside).
    static func learningRateNotches(in scale: LogScale = defaultLearningRateScale) -> [Double] {
        var notches: [Double] = []
        let first = Int(floor(log10(scale.lower) + 1e-9)), last = Int(ceil(log10(scale.upper) - 1e-9))
        for exponent in first...max(first, last) {
            for mantissa in [1.0, 2.0, 5.0] {
                let value = mantissa * pow(10, Double(exponent))
                if value >= scale.lower * (1 - 1e-9), value <= scale.upper * (1 + 1e-9) { notches.append(value) }
            }
        }
        return notches.isEmpty ? [scale.lower] : notches
    }

    /// The next notch above (or below) `rate` in `scale`; stays at the end of the range.
    static func learningRateNotch(after rate: Double, up: Bool, in scale: LogScale = defaultLearningRateScale) -> Double {
        let notches = learningRateNotches(in: scale)
        if up { return notches.first { $0 > rate * (1 + 1e-9) } ?? notches.last! }
        return notches.last { $0 < rate * (1 - 1e-9) } ?? notches.first!
    }

    static func roundedToTwoDigits(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return value }
        let scale = pow(10, floor(log10(value)) - 1)
        return (value / scale).rounded() * scale
    }

    // MARK: - Widgets for the current state

    func selector(_ id: ControlID) -> Selector {
        if id == .method {
            return Selector(
                label: "method", options: ["GD", "SGD", "mini-batch"],
                selected: TrainingMethod.allCases.firstIndex(of: hyperparameters.method) ?? 0, isFocused: focus == id)
        }
        return Selector(
            label: "update", options: UpdateRule.allCases.map(\.rawValue),
            selected: UpdateRule.allCases.firstIndex(of: hyperparameters.update) ?? 0, isFocused: focus == id)
    }
}
