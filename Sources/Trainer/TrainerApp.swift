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
    private var chartsStep = -1
    private var shown: FrameSignature?
    private var noticeExpiry: Date?
    private var expectedRunning: (running: Bool, until: Date)?

    /// - Parameters:
    ///   - noColor: NO_COLOR: draw every theme without colour.
    ///   - notice: shown in the title bar for a few seconds at start (e.g. a theme warning).
    public init(
        session: TrainingSession, backend: Backend, catalog: ThemeCatalog, state: TrainerState, noColor: Bool,
        notice: String? = nil
    ) {
        self.session = session
        self.backend = backend
        self.catalog = catalog
        self.noColor = noColor
        self.state = state
        self.state.width = backend.size.width
        self.state.height = backend.size.height
        if let notice { show(notice: notice, seconds: 8) }
    }

    /// Runs until quit or a termination signal; returns the exit status (0, or 128 + signal).
    /// `maxIdleFrames` ends the loop after that many frames without input (for tests on a scripted backend).
    @discardableResult
    public func run(maxIdleFrames: Int? = nil) -> Int32 {
        applyTheme()
        session.setHyperparameters(state.hyperparameters)
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
        for command in state.handle(event) { send(command) }
        if state.themeIndex != theme {
            applyTheme()
            show(notice: "theme: " + catalog.theme(at: state.themeIndex).name, seconds: 2)
        }
    }

    private func send(_ command: SessionCommand) {
        switch command {
        case .start:
            session.start()
            expectedRunning = (true, Date().addingTimeInterval(0.5))
        case .pause:
            session.pause()
            expectedRunning = (false, Date().addingTimeInterval(0.5))
        case .step: session.step()
        case .reset: session.reset()
        case let .setHyperparameters(h): session.setHyperparameters(h)
        case let .setStandardized(on): session.setStandardized(on)
        case let .setSpeed(rate): session.setSpeed(stepsPerSecond: rate)
        case .requestClosedForm: session.requestClosedForm()
        }
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
        // Until the engine has acted on Start or Pause, show (and toggle from) the state the user asked for.
        if let expected = expectedRunning {
            if (state.snapshot.status == .running) == expected.running || Date() >= expected.until {
                expectedRunning = nil
            } else {
                state.snapshot.status = expected.running ? .running : .paused
            }
        }
        let signature = FrameSignature(state: state)
        guard force || signature != shown else { return }
        refreshCharts()
        backend.draw(TrainerScreen(state: state, charts: charts).render())
        shown = signature
    }

    private func refreshCharts() {
        let layout = state.layout
        let columns = max(1, (layout.loss.width - 2) * 2)
        let snapshot = state.snapshot
        charts.trainLoss = session.lossCurve(.train, columns: columns)
        charts.testLoss = session.test == nil ? nil : session.lossCurve(.test, columns: columns)
        guard snapshot.step != chartsStep || charts.trainActual.isEmpty else { return }
        chartsStep = snapshot.step
        charts.trainActual = session.train.y
        charts.trainPredicted = ChartData.predictions(of: session.train, weights: snapshot.weights, intercept: snapshot.intercept)
        if let test = session.test {
            charts.testActual = test.y
            charts.testPredicted = ChartData.predictions(of: test, weights: snapshot.weights, intercept: snapshot.intercept)
        }
    }
}

/// What decides whether a new frame differs from the one on screen.
private struct FrameSignature: Equatable {
    let step: Int
    let status: TrainingStatus
    let message: String?
    let hasClosedForm: Bool
    let hyperparameters: Hyperparameters
    let standardized: Bool
    let width: Int
    let height: Int
    let notice: String?

    init(state: TrainerState) {
        step = state.snapshot.step
        status = state.snapshot.status
        message = state.snapshot.message
        hasClosedForm = state.snapshot.closedForm != nil
        hyperparameters = state.snapshot.hyperparameters
        standardized = state.snapshot.standardized
        width = state.width
        height = state.height
        notice = state.notice
    }
}
