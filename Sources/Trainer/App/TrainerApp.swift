// The frame loop: input in, session commands out, a redraw when something changed, at most 30 times a second.
import Engine
import Foundation
import Plot
import Terminal

/// Runs the trainer on a backend until the user quits. The session trains on its own thread; this loop only
/// copies snapshots, so input is handled and drawn at once even while training runs flat out.
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
    /// The run state the user asked for, shown until the engine acts on it; `step` is where the engine stood.
    private var expectedRunning: (running: Bool, until: Date, step: Int)?
    private let setup: SessionSetup
    private let playback: RecordingPlayback?
    private var landscape: LossLandscape?
    private var landscapeFrame: LandscapeFrame?
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
        if let playback { self.state.replayProgress = (0, playback.recording.commands.count) }
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
            let timeout = max(0, Int(((Self.frameInterval - waited) * 1000).rounded(.up)))
            if let event = backend.nextEvent(timeoutMilliseconds: timeout) {
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
            redraw(force: false)
            lastFrame = Date()
            idleFrames += 1
            if let maxIdleFrames, idleFrames >= maxIdleFrames { break }
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
            do {
                try RunExport(session: session, setup: setup).write(prefix: prefix)
                // The three names share the prefix: say it once so the line fits 80 columns.
                let name = URL(fileURLWithPath: prefix).lastPathComponent
                show(notice: "saved \(name)-{history,weights}.csv, .json", seconds: 8)
            } catch let failure as AtomicWrite.Failure {
                show(notice: "export failed: " + failure.description, seconds: 8)
            } catch {
                show(notice: "export failed: \(error)", seconds: 8)
            }
        case .narrate:
            expectedRunning = nil
            state.narration = session.narrateNextStep(rowLimit: 5)
        case .narrateStep:
            expectedRunning = nil
            state.narration = session.stepNarrated(rowLimit: 5)
        }
    }

    /// Sends the recording's commands that are due, and shows how far the playback is.
    private func advancePlayback() {
        guard let playback, state.replayProgress != nil else { return }
        let playing = playback.advance()
        state.replayProgress = playing ? (playback.progress, playback.recording.commands.count) : nil
        if !playing { show(notice: "replay finished: the keys are yours", seconds: 5) }
    }

    private func send(_ command: SessionCommand) {
        switch command {
        case .start: expectedRunning = (true, Date().addingTimeInterval(0.5), state.snapshot.step)
        case .pause: expectedRunning = (false, Date().addingTimeInterval(0.5), state.snapshot.step)
        default: break
        }
        session.send(command)
    }

    private func show(notice: String, seconds: Double) {
        state.notice = notice
        noticeExpiry = Date().addingTimeInterval(seconds)
    }

    private func applyTheme() {
        let theme = catalog.theme(at: state.themeIndex)
        backend.apply(noColor ? theme.withoutColor.styles : theme.styles)
        shown = nil
    }

    /// Takes a snapshot and draws when anything on screen would change (or always, when `force`).
    private func redraw(force: Bool) {
        state.snapshot = session.snapshot()
        // Until the engine has acted on Start or Pause, show (and toggle from) the state the user asked for. A run
        // that has stepped since Start has acted on it, even if it stopped itself again (converged, say).
        if let expected = expectedRunning {
            let acted = (state.snapshot.status == .running) == expected.running
                || (expected.running && state.snapshot.step != expected.step)
            if acted || Date() >= expected.until {
                expectedRunning = nil
            } else {
                state.snapshot.status = expected.running ? .running : .paused
            }
        }
        // A recording drives the settings while it plays: show the ones in force.
        if state.isReplaying { state.hyperparameters = state.snapshot.hyperparameters }
        let signature = FrameSignature(state: state)
        guard force || signature != shown else { return }
        refreshCharts()
        refreshLandscape()
        backend.draw(TrainerScreen(state: state, charts: charts, landscape: landscapeFrame).render())
        shown = signature
    }

    /// Rebuilds the landscape when the scaling or penalty changed, then samples it around the current model.
    private func refreshLandscape() {
        guard state.showsLandscape else { return }
        let snapshot = state.snapshot
        let h = snapshot.hyperparameters
        if landscape.map({ $0.standardized != snapshot.standardized || $0.l2 != h.l2 || $0.loss != h.loss || $0.l1 != h.l1 }) ?? true {
            landscape = LossLandscape(
                train: session.train, fitIntercept: session.fitIntercept, standardized: snapshot.standardized,
                l2: h.l2, loss: h.loss, l1: h.l1)
        }
        guard let landscape else {
            landscapeFrame = nil
            return
        }
        let area = PanelFrame.inner(of: state.layout.landscape)
        let axes = (state.landscapeAxes.x, state.landscapeAxes.y)
        guard landscape.isValid(axes: axes) else { return }
        let path = session.trajectory(parameters: axes, maxPoints: 400, landscape: landscape)
        landscapeFrame = LandscapeFrame.make(
            landscape: landscape, axes: state.landscapeAxes, weights: snapshot.weights, intercept: snapshot.intercept,
            path: path, columns: max(1, area.width - 8), rows: max(1, area.height - 3))
    }

    private func refreshCharts() {
        let columns = max(1, (state.layout.loss.width - 2) * 2)
        charts.update(from: session, snapshot: state.snapshot, columns: columns)
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

    init(state: TrainerState) {
        step = state.snapshot.step
        status = state.snapshot.status
        message = state.snapshot.message
        closedForm = state.snapshot.closedForm.map { [$0.largestStableLearningRate, $0.conditionNumber, $0.trainLoss] }
        hyperparameters = state.snapshot.hyperparameters
        standardized = state.snapshot.standardized
        stableRate = state.snapshot.largestStableLearningRate
        conditionNumber = state.snapshot.conditionNumber
        width = state.width
        height = state.height
        notice = state.notice
        replay = state.replayProgress?.sent
    }
}
