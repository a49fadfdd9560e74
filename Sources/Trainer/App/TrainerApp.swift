// The frame loop: input in, session commands out, a redraw when something changed, at most 30 times a second.
import Engine
import Figures
import Foundation
import Plot
import Terminal

/// Runs the trainer on a backend until the user quits. The session trains on its own thread and does the UI's
/// heavier work (landscape, scatter predictions, exports, narration) on its worker; a recording plays on a
/// thread of its own. This loop only copies snapshots and results and draws, so input is handled and drawn at
/// once even while training runs flat out on a million rows.
public final class TrainerApp {
    public static let frameInterval = 1.0 / 30

    public private(set) var state: TrainerState
    private let session: TrainingSession
    private let backend: Backend
    private let catalog: ThemeCatalog
    private let noColor: Bool
    private var charts = ChartData()
    private var shown: FrameSignature?
    private var noticeExpiry: Date?
    private let setup: SessionSetup
    private let playback: RecordingPlayback?
    /// The landscape last built on the worker, with the objective it is for (nil inside: none possible).
    private var landscape: (key: LandscapeKey, landscape: LossLandscape?)?
    /// The objective of the landscape being built on the worker, if any.
    private var landscapeAsked: LandscapeKey?
    private var landscapeFrame: LandscapeFrame?
    /// The regularization path last built on the worker and the (standardized, l1_ratio) asked for last.
    private var regularizationPath: (standardized: Bool, l1Ratio: Double, path: RegularizationPath)?
    private var pathAsked: (standardized: Bool, l1Ratio: Double)?
    /// Answers from the worker, taken at the top of every frame.
    private let results = WorkerResults()
    private var predictionsAsked = false
    /// Exports submitted and not yet answered: quitting waits for them, so no export is cut short.
    private var exportsOut = 0
    /// The longest the loop spent between two looks for input (handling, taking results, drawing), in seconds:
    /// what `descent bench` reports as the frame-loop stall.
    public private(set) var worstFrameSeconds = 0.0
    /// Frames drawn per second at most (`--fps`): fewer frames send fewer bytes over a slow link.
    public var framesPerSecond = 1 / TrainerApp.frameInterval
    /// Where `e` writes (the current directory unless a test says otherwise).
    public var exportDirectory = "."

    /// - Parameters:
    ///   - noColor: NO_COLOR: draw every theme without colour.
    ///   - notice: shown in the title bar for a few seconds at start (e.g. a theme warning).
    ///   - setup: how the session was set up, for exports.
    ///   - playback: a recording to play on the session; training keys are off while it plays.
    public init(
        session: TrainingSession, backend: Backend, catalog: ThemeCatalog, state: TrainerState, noColor: Bool,
        notice: String? = nil, setup: SessionSetup = SessionSetup(), playback: RecordingPlayback? = nil
    ) {
        self.session = session
        self.backend = backend
        self.catalog = catalog
        self.noColor = noColor
        self.setup = setup
        self.playback = playback
        self.state = state
        if let playback {
            self.state.replayProgress = (0, playback.recording.commands.count)
            self.state.replaySpeed = playback.speed
        }
        self.state.width = backend.size.width
        self.state.height = backend.size.height
        if let notice { show(notice: notice, seconds: 8) }
    }

    /// Runs until quit or a termination signal; returns the exit status (0, or 128 + signal).
    /// `maxIdleFrames` ends the loop after that many frames without input (for tests on a scripted backend).
    @discardableResult
    public func run(maxIdleFrames: Int? = nil) -> Int32 {
        applyTheme()
        if playback == nil {
            session.setHyperparameters(state.hyperparameters)
        }
        session.setSpeed(stepsPerSecond: state.speed.stepsPerSecond)
        redraw(force: true)
        var lastFrame = Date()
        var idleFrames = 0
        while state.exitCode == nil {
            let waited = Date().timeIntervalSince(lastFrame)
            let timeout = max(0, Int(((1 / framesPerSecond - waited) * 1000).rounded(.up)))
            let event = backend.nextEvent(timeoutMilliseconds: timeout)
            let busy = ProcessInfo.processInfo.systemUptime
            defer { worstFrameSeconds = max(worstFrameSeconds, ProcessInfo.processInfo.systemUptime - busy) }
            let arrived = takeResults()
            if let event {
                idleFrames = 0
                handle(event)
                // Draw now rather than at the next tick, so a key shows its effect at once.
                redraw(force: true)
                lastFrame = Date()
                continue
            }
            if let noticeExpiry, Date() >= noticeExpiry {
                state.notice = nil
                self.noticeExpiry = nil
            }
            advancePlayback()
            redraw(force: arrived, paceNumbers: true)
            lastFrame = Date()
            idleFrames += 1
            if let maxIdleFrames, idleFrames >= maxIdleFrames { break }
        }
        // Quitting mid-playback ends its thread too (a test's idle limit does not: the test runs the loop again).
        if state.exitCode != nil {
            playback?.cancel()
            if exportsOut > 0 { session.worker.waitUntilIdle() }
        }
        return state.exitCode ?? 0
    }

    /// Applies one input event: state first, then the session commands it produced.
    public func handle(_ event: InputEvent) {
        let theme = state.themeIndex
        let notice = state.notice
        for command in state.handle(event) { send(command) }
        if state.themeIndex != theme {
            applyTheme()
            show(notice: "theme: " + catalog.theme(at: state.themeIndex).name, seconds: 2)
        } else if let message = state.notice, message != notice {
            show(notice: message, seconds: 4)
        }
        let requests = state.requests
        state.requests.removeAll()
        for request in requests { carryOut(request) }
    }

    /// Does what the state asked for that needs the session.
    private func carryOut(_ request: TrainerRequest) {
        switch request {
        case .pinGhost:
            let columns = max(1, (state.layout.loss.width - 2) * 2)
            state.ghosts.pin(GhostRun(session: session, columns: columns))
            show(notice: "pinned " + (state.ghosts.runs.last?.label ?? "ghost") + " (G clears)", seconds: 3)
        case .export:
            let prefix = RunExport.timestampedPrefix(directory: exportDirectory)
            let session = self.session, setup = self.setup, results = self.results
            // The figures show what the screen does: the ghosts, loss* and w* while comparing, the landscape if open.
            let scene = ExportScene(
                closedForm: state.isComparing ? state.snapshot.closedForm : nil, ghosts: state.ghosts.runs.map(\.figureCurve),
                landscape: landscapeForExport(), logLoss: state.logLossAxis)
            show(notice: "exporting…", seconds: 8)
            exportsOut += 1
            session.worker.submit {
                results.post(.exported(notice: Self.export(session: session, setup: setup, scene: scene, prefix: prefix)))
            }
        case .replaySpeed(let speed):
            playback?.setSpeed(speed)
        case .narrate:
            state.expected.running = nil
            state.narration = nil
            let session = self.session, results = self.results
            session.worker.submit { results.post(.narration(session.narrateNextStep(rowLimit: 5))) }
        case .narrateStep:
            state.expected.running = nil
            let session = self.session, results = self.results
            session.worker.submit { results.post(.narration(session.stepNarrated(rowLimit: 5))) }
        }
    }

    /// Writes the run at `prefix` (on the worker) and says how it went, in a line that fits 80 columns.
    private static func export(session: TrainingSession, setup: SessionSetup, scene: ExportScene, prefix: String) -> String {
        do {
            let exported = RunExport(session: session, setup: setup)
            let figures = RunFigures(
                export: exported, trainData: session.train, testData: session.test,
                closedForm: scene.closedForm, ghosts: scene.ghosts,
                landscape: figureLandscape(session: session, scene.landscape), logLoss: scene.logLoss
            ).files(prefix: prefix)
            try exported.write(prefix: prefix, alongside: figures)
            // The names share the prefix: say it once so the line fits 80 columns.
            let name = URL(fileURLWithPath: prefix).lastPathComponent
            return "saved \(name): CSV, JSON, \(figures.count) SVG figures"
        } catch let failure as AtomicWrite.Failure {
            return "export failed: " + failure.description
        } catch {
            return "export failed: \(error)"
        }
    }

    /// Takes what the worker finished since the last frame; true if anything arrived (the frame must be redrawn).
    private func takeResults() -> Bool {
        let arrived = results.take()
        for result in arrived {
            switch result {
            case let .landscape(built, key):
                landscape = (key, built)
                if landscapeAsked == key { landscapeAsked = nil }
            case let .predictions(predictions):
                predictionsAsked = false
                charts.receive(predictions, session: session)
            case let .exported(notice):
                exportsOut -= 1
                show(notice: notice, seconds: 8)
            case let .path(path, standardized, l1Ratio):
                regularizationPath = (standardized, l1Ratio, path)
                if pathAsked.map({ $0 == (standardized, l1Ratio) }) ?? false { pathAsked = nil }
            case let .narration(narration):
                // Esc may have closed the window meanwhile: then the answer has nothing to show.
                if state.overlay == .narration { state.narration = narration }
            }
        }
        return !arrived.isEmpty
    }

    /// Starts the recording's thread, and shows how far the playback is (it never waits for the session).
    private func advancePlayback() {
        guard let playback, state.replayProgress != nil else { return }
        playback.play()
        let finished = playback.isFinished
        state.replayProgress = finished ? nil : (playback.progress, playback.recording.commands.count)
        if finished { show(notice: "replay finished: the keys are yours", seconds: 5) }
    }

    private func send(_ command: SessionCommand) { session.send(command) }

    private func show(notice: String, seconds: Double) {
        state.notice = notice
        noticeExpiry = Date().addingTimeInterval(seconds)
    }

    private func applyTheme() {
        let theme = catalog.theme(at: state.themeIndex)
        backend.apply(noColor ? theme.withoutColor.styles : theme.styles)
        shown = nil
    }

    /// While training runs and nothing but its progress calls for a frame, the engine's numbers (weights, loss
    /// figures, the status bar; and so the scatter, predicted from the weights shown) are taken at most this often;
    /// the loss curve still moves every frame. Figures whose last digits change 30 times a second cannot be read
    /// any faster, and they are most of the bytes a frame sends to a terminal over a slow link.
    static let numbersInterval = 0.1
    private var numbersTakenAt = -Double.infinity

    /// Takes a snapshot and draws when anything on screen would change (or always, when `force`). A frame after
    /// input always shows the engine's latest numbers; a frame of progress alone (`paceNumbers`) may keep them.
    private func redraw(force: Bool, paceNumbers: Bool = false) {
        let latest = session.snapshot(), now = ProcessInfo.processInfo.systemUptime
        let paced = paceNumbers && latest.status == .running && state.snapshot.status == .running
            && latest.hyperparameters == state.snapshot.hyperparameters && latest.dataVersion == state.snapshot.dataVersion
            && now - numbersTakenAt < Self.numbersInterval
        if !paced {
            let refusal = state.snapshot.dataEditRefusal, version = state.snapshot.dataVersion
            state.receive(latest)
            numbersTakenAt = now
            if state.snapshot.dataVersion != version { takeEditedData() }
            if let message = state.snapshot.dataEditRefusal, message != refusal { show(notice: message, seconds: 4) }
        }
        // A recording drives the settings while it plays: show the ones in force.
        if state.isReplaying { state.hyperparameters = state.snapshot.hyperparameters }
        let signature = FrameSignature(state: state, curveStep: latest.step)
        guard force || signature != shown else { return }
        refreshCharts()
        state.showFitChart(fitChartPlacement())
        refreshLandscape()
        state.showLandscapeChart(landscapePlacement())
        refreshPath()
        backend.draw(TrainerScreen(state: state, charts: charts, landscape: landscapeFrame, path: currentPath).render())
        shown = signature
    }

    /// The training rows changed (a point edited): the figures read from them follow.
    private func takeEditedData() { state.takeRows(session.train) }

    /// Where the landscape's map is drawn and the slice it shows (nil when it is not open or not computed yet).
    private func landscapePlacement() -> LandscapePlacement? {
        guard state.showsLandscape, !state.layout.isTooSmall, let frame = landscapeFrame,
            let mapping = LandscapePanel(state: state, frame: frame).mapping(area: state.layout.landscape)
        else { return nil }
        return LandscapePlacement(mapping: mapping, frame: frame)
    }

    /// Where the Fit view draws and the training points it shows (nil outside it).
    private func fitChartPlacement() -> FitChartPlacement? {
        guard state.showsFitView, !state.layout.isTooSmall,
            let mapping = DataPanel(state: state, charts: charts).mapping(area: state.layout.prediction)
        else { return nil }
        return FitChartPlacement(mapping: mapping, xs: charts.trainInput, ys: charts.trainActual)
    }

    /// Asks the worker for the landscape when the scaling or penalty changed (showing "computing" until it
    /// arrives), then samples it around the current model: O(d²) plus O(1) per cell, cheap enough per frame.
    private func refreshLandscape() {
        guard state.showsLandscape else { return }
        let snapshot = state.snapshot
        let h = snapshot.hyperparameters
        let key = LandscapeKey(standardized: snapshot.standardized, l2: h.l2, l1: h.l1, loss: h.loss, data: snapshot.dataVersion)
        guard let landscape, landscape.key == key else {
            landscapeFrame = nil
            if landscapeAsked != key {
                landscapeAsked = key
                let session = self.session, results = self.results
                session.worker.submit(key: "landscape") {
                    let built = LossLandscape(
                        train: session.train, fitIntercept: session.fitIntercept, standardized: key.standardized,
                        l2: key.l2, loss: key.loss, l1: key.l1)
                    results.post(.landscape(built, key: key))
                }
            }
            return
        }
        guard let built = landscape.landscape else {
            landscapeFrame = nil
            return
        }
        let area = PanelFrame.inner(of: state.layout.landscape)
        let axes = (state.landscapeAxes.x, state.landscapeAxes.y)
        guard built.isValid(axes: axes) else { return }
        let path = session.trajectory(parameters: axes, maxPoints: 400, landscape: built)
        landscapeFrame = LandscapeFrame.make(
            landscape: built, axes: state.landscapeAxes, weights: snapshot.weights, intercept: snapshot.intercept,
            path: path, columns: max(1, area.width - 8), rows: max(1, area.height - 3))
    }

    /// The path for the scaling and l1_ratio in force, if built.
    private var currentPath: RegularizationPath? {
        guard let built = regularizationPath, built.standardized == state.snapshot.standardized,
            built.l1Ratio == (state.penaltyOnPath?.l1Ratio ?? 1)
        else { return nil }
        return built.path
    }

    /// Asks the worker for the path (one Gram pass, then 100 warm-started solves) when the view opens or its
    /// scaling or l1_ratio changed.
    private func refreshPath() {
        guard state.showsPath, currentPath == nil else { return }
        let key = (standardized: state.snapshot.standardized, l1Ratio: state.penaltyOnPath?.l1Ratio ?? 1)
        guard !(pathAsked.map { $0 == key } ?? false) else { return }
        pathAsked = key
        let session = self.session, results = self.results, loss = state.hyperparameters.loss
        session.worker.submit(key: "path") {
            let path = RegularizationPath(
                train: session.train, fitIntercept: session.fitIntercept, standardized: key.standardized, loss: loss,
                l1Ratio: key.l1Ratio)
            results.post(.path(path, standardized: key.standardized, l1Ratio: key.l1Ratio))
        }
    }

    /// What an export draws besides the run itself, read from the screen's state (cheap: no sampling here).
    struct ExportScene: Sendable {
        var closedForm: ClosedFormComparison?
        var ghosts: [LabelledLossCurve]
        var landscape: OpenLandscape?
        var logLoss: Bool
    }

    /// The landscape view as it is open: the screen's landscape when it has arrived (nil: the worker builds one
    /// for the figure, so `e` right after `v` still gets it), the axes, the model, and the objective it is of
    /// (scaling, penalties, loss).
    struct OpenLandscape: Sendable {
        var built: LossLandscape?
        var axes: LandscapeAxes
        var weights: [Double]
        var intercept: Double?
        var key: LandscapeKey
    }

    /// The open landscape as the figure needs it, nil when closed; sampled on the worker.
    private func landscapeForExport() -> OpenLandscape? {
        guard state.showsLandscape, state.landscapeAxes.isPlottable else { return nil }
        let snapshot = state.snapshot
        let h = snapshot.hyperparameters
        let key = LandscapeKey(standardized: snapshot.standardized, l2: h.l2, l1: h.l1, loss: h.loss, data: snapshot.dataVersion)
        let current = landscape.flatMap { $0.key == key ? $0.landscape : nil }
        return OpenLandscape(
            built: current, axes: state.landscapeAxes, weights: snapshot.weights, intercept: snapshot.intercept, key: key)
    }

    /// The open landscape sampled finer than the panel (a figure has room for smooth contours); on the worker.
    private static func figureLandscape(session: TrainingSession, _ open: OpenLandscape?) -> RunFigures.Landscape? {
        guard let open else { return nil }
        guard let built = open.built ?? LossLandscape(
            train: session.train, fitIntercept: session.fitIntercept, standardized: open.key.standardized, l2: open.key.l2,
            loss: open.key.loss, l1: open.key.l1)
        else { return nil }
        guard built.isValid(axes: (open.axes.x, open.axes.y)) else { return nil }
        let path = session.trajectory(parameters: (open.axes.x, open.axes.y), maxPoints: 2000, landscape: built)
        guard let frame = LandscapeFrame.make(
            landscape: built, axes: open.axes, weights: open.weights, intercept: open.intercept,
            path: path, columns: 160, rows: 140)
        else { return nil }
        return RunFigures.Landscape(grid: frame.grid, path: frame.path, optimum: frame.optimum, standardized: frame.standardized)
    }

    /// The loss curves now; the scatter's predictions from the worker, asked for when the model changed.
    private func refreshCharts() {
        let columns = max(1, (state.layout.loss.width - 2) * 2)
        charts.updateCurves(from: session, columns: columns)
        // The Fit view's curves and the weight paths: a few hundred numbers, from the model last predicted.
        charts.updateViewCurves(from: session, state: state)
        let snapshot = state.snapshot, now = ProcessInfo.processInfo.systemUptime
        let view = ChartData.ViewKey(view: state.dataView, feature: state.partialFeature)
        let area = PredictionPanel.scatterArea(panel: state.layout.prediction), mode = state.renderMode
        let countedElsewhere = charts.scatterDensity.map { $0.area != area || $0.mode != mode } ?? false
        guard !predictionsAsked,
            countedElsewhere || charts.wantsPredictions(for: snapshot, session: session, view: view, now: now)
        else { return }
        charts.markPredicted(snapshot, now: now)
        predictionsAsked = true
        let session = self.session, results = self.results
        session.worker.submit(key: "predictions") {
            // The predictions with the view's series, and the scatter's per-cell counts for the panel: all read every row.
            var predictions = ChartData.predictions(for: snapshot, session: session, view: view)
            var charts = ChartData()
            charts.receive(predictions, session: session)
            predictions.density = PredictionPanel.scatter(charts: charts, mode: mode).density(in: area)
            results.post(.predictions(predictions))
        }
    }
}

/// What decides whether a new frame differs from the one on screen.
private struct FrameSignature: Equatable {
    let step: Int
    let status: TrainingStatus
    let message: String?
    /// The closed form's figures: a new solution (after z, say) must redraw even when nothing else moved.
    let closedForm: [Double]?
    let hyperparameters: Hyperparameters
    let standardized: Bool
    /// The lr slider's marker and warning follow it (it arrives with the engine's first snapshot).
    let stableRate: Double
    /// κ GD in the stats follows the scaling (it arrives with the engine's first snapshot after z).
    let conditionNumber: Double?
    let width: Int
    let height: Int
    let notice: String?
    let replay: Int?
    /// An edit while paused changes the points, the loss and the closed form at the same step.
    let dataVersion: Int
    let dataEditRefusal: String?

    /// The step the loss curve reaches (ahead of `step` while the numbers are paced).
    let curveStep: Int
    /// A start chosen at step 0 (by hand, on the landscape) moves the model and its loss at the same step. As bit
    /// patterns, so a NaN compares equal to itself (a diverged run is not redrawn every poll).
    let weights: [UInt64]
    let intercept: UInt64?
    let trainLoss: UInt64

    init(state: TrainerState, curveStep: Int) {
        self.curveStep = curveStep
        dataVersion = state.snapshot.dataVersion
        dataEditRefusal = state.snapshot.dataEditRefusal
        step = state.snapshot.step
        status = state.status
        message = state.snapshot.message
        closedForm = state.snapshot.closedForm.map { [$0.largestStableLearningRate, $0.conditionNumber, $0.trainLoss] }
        hyperparameters = state.snapshot.hyperparameters
        standardized = state.standardized
        stableRate = state.snapshot.largestStableLearningRate
        conditionNumber = state.snapshot.conditionNumber
        width = state.width
        height = state.height
        notice = state.notice
        replay = state.replayProgress?.sent
        weights = state.snapshot.weights.map(\.bitPattern)
        intercept = state.snapshot.intercept?.bitPattern
        trainLoss = state.snapshot.trainLoss.bitPattern
    }
}
