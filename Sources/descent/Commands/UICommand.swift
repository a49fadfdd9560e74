// `descent ui`: Open the live trainer (the default).
import ArgumentParser
import Engine
import Foundation
import Plot
import Terminal
import Trainer

/// Loads the data like `fit`, then hands the terminal to the trainer until the user quits.
struct UICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui", abstract: "Open the live trainer (the default).",
        discussion: """
            All data and training options of `descent fit` apply. The run stops on convergence (--tol, as in fit; \
            Space runs on past it); --steps and --epochs stop it only when given.
            """)

    @OptionGroup var data: DataOptions
    @OptionGroup var training: TrainingOptions
    @OptionGroup var display: DisplayOptions

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Steps per second to start with, or max (default: \(Int(UICommand.defaultSpeed)), watchable).", valueName: "N|max"))
    var speed: String?

    @Option(help: ArgumentHelp("Record the session to FILE (JSON lines), each action as it happens.", valueName: "FILE"))
    var record: String?

    @Option(help: ArgumentHelp("Play a recorded session (from --record) in the trainer, at the recorded pace.", valueName: "FILE"))
    var replay: String?

    @Option(name: .customLong("replay-speed"), parsing: .unconditional, help: ArgumentHelp(
        "Replay speed: 1 is the recorded pace, 2 twice as fast (0.25…16), or max (default 1; { } change it).", valueName: "X|max"))
    var replaySpeed: String?

    @Option(help: ArgumentHelp("Start from a teacher's preset (TOML); options given here override it.", valueName: "FILE"))
    var preset: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Frames drawn per second at most (1…60, default 30; 10 suits a slow link; preset key display.fps).", valueName: "N"))
    var fps: Double = 30

    /// Steps per second when nothing says otherwise: slow enough that a class sees the curve fall.
    static let defaultSpeed = 50.0

    /// The data as the loading line names it: the file as typed, or the built-in set.
    static func loadingName(_ data: DataSpecification) -> String {
        switch data.source {
        case .csv(let path): return path
        case .builtin(let builtin): return builtin.rawValue
        }
    }

    /// The data's name for the title bar, with a teaching set's one-line note ("anscombe 2 · same line and R², …").
    static func titleName(_ name: String, _ data: DataSpecification) -> String {
        guard case .builtin(let builtin) = data.source, let note = builtin.titleNote(part: data.synthetic.part) else { return name }
        return "\(name) · \(note)"
    }

    /// The data and training options, for telling which were typed (a recording sets them all).
    private static let setupOptions = DataOptions.optionNames + TrainingOptions.optionNames

    mutating func run() throws {
        if let problem = training.problem() { fail(problem) }
        if !(fps >= 1 && fps <= 60) { fail("--fps: must be between 1 and 60, got \(fps)") }
        var startSpeed: SpeedSetting = SpeedSetting(stepsPerSecond: Self.defaultSpeed)
        if let speed {
            if speed == "max" {
                startSpeed = .unlimited
            } else if let rate = Double(speed), rate.isFinite, rate > 0 {
                startSpeed = SpeedSetting(stepsPerSecond: rate)
            } else {
                fail("--speed: must be a positive number of steps per second or max, got '\(speed)'")
            }
        }
        let given = GivenOptions()
        var setup: SessionSetup
        var comparing = training.method == .closedForm
        var locked: Set<PresetControl> = [], hidden: Set<PresetControl> = []
        var presetName: String?, presetDescription: String?
        var playback: SessionRecording?
        var replayPace: Double? = 1
        if let replaySpeed {
            guard replay != nil else { fail("--replay-speed: needs --replay FILE") }
            if replaySpeed == "max" {
                replayPace = nil
            } else if let x = Double(replaySpeed), x >= ReplayPace.slowest, x <= ReplayPace.fastest {
                replayPace = x
            } else {
                fail("--replay-speed: must be a number from 0.25 to 16, or max, got '\(replaySpeed.escapedForMessage)'")
            }
        }
        // The preset whose `training.init` gives the starting weights, to name it if they do not fit the data.
        var initFromPreset: Preset?
        if let replay {
            if let option = given.first(of: Self.setupOptions + ["preset", "record"]) ?? (data.file == nil ? nil : "file") {
                fail("--replay: the recording sets the data and training; do not also give \(option == "file" ? "a data file" : "--" + option)")
            }
            do { playback = try SessionRecording.load(path: replay) } catch let error as RecordingError {
                fail(error.description)
            }
            setup = playback!.setup
            for notice in playback!.notices { MessageLine.note(notice) }
        } else if let preset {
            let loadedPreset: Preset
            do { loadedPreset = try Preset.load(path: preset) } catch let error as PresetError { fail(error.description) }
            if !given.contains("init"), loadedPreset.initialWeightsLine != nil { initFromPreset = loadedPreset }
            let method: FitMethod
            do {
                (setup, method) = try PresetOverrides(data: data, training: training, given: given).apply(to: loadedPreset)
            } catch let error as DataError {
                fail(error.description)
            } catch let error as ScheduleOptionError {
                fail(error.description)
            }
            // fit's step limit does not apply to the live trainer: only a limit typed or in the preset does.
            var stop = loadedPreset.setup.stop
            if given.contains("steps") || given.contains("epochs") { (stop.steps, stop.epochs) = (training.steps, training.epochs) }
            if given.contains("tol") || !loadedPreset.keys.contains("stop.tol") { stop.tolerance = training.tol }
            setup.stop = stop
            comparing = method == .closedForm
            locked = loadedPreset.locked
            presetName = loadedPreset.name
            presetDescription = loadedPreset.description
            hidden = loadedPreset.hidden
            if !given.contains("fps"), let presetFPS = loadedPreset.framesPerSecond { fps = presetFPS }
            if speed == nil, loadedPreset.keys.contains("training.speed") {
                startSpeed = loadedPreset.speed.map { SpeedSetting(stepsPerSecond: $0) } ?? .unlimited
            }
        } else {
            if let mismatch = training.scheduleMismatch(for: training.schedule) { fail(mismatch) }
            let specification: DataSpecification
            do { specification = try data.specification() } catch let error as DataError { fail(error.description) }
            setup = SessionSetup(
                data: specification, hyperparameters: training.hyperparameters,
                stop: StopCriteria(steps: training.steps, epochs: training.epochs, tolerance: training.tol),
                randomInit: training.randomInit, initialWeights: training.initialWeights)
        }
        let environment = ProcessInfo.processInfo.environment
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let themes = ThemeChoice(name: display.theme, environment: environment)
        for line in themes.warnings { MessageLine.write(line) }

        // Without a terminal there is no screen to show progress on: the data's own errors come first, as for fit.
        if isatty(STDIN_FILENO) != 1 || isatty(STDOUT_FILENO) != 1 {
            do { _ = try setup.data.load() } catch let error as DataError { fail(error.description) }
        }
        // The screen is up before the data is read: a big file shows its progress instead of a blank terminal.
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend(noColor: noColor)
        } catch let error as TerminalError {
            fail(error.description)
        }
        let theme = themes.catalog.theme(at: themes.index(colorless: noColor || backend.colorDepth == .none))
        backend.apply(noColor ? theme.withoutColor.styles : theme.styles)
        let progress = LoadProgress()
        let requested = setup, replaying = playback != nil, recording = playback, presetInit = initFromPreset
        let gate = environment["DESCENT_TEST_LOAD_GATE"]
        let outcome = DataLoadingScreen.wait(on: backend, name: Self.loadingName(setup.data), progress: progress) {
            let loaded = try requested.data.load(progress: progress)
            // Tests hold the loading screen here until the file named exists (no timing in tests).
            if let gate { while !FileManager.default.fileExists(atPath: gate) { usleep(20_000) } }
            progress.beginPreparing(rows: loaded.train.rowCount)
            var setup = requested
            if !replaying {
                setup.hyperparameters.batchSize = min(setup.hyperparameters.batchSize, loaded.train.rowCount)
            }
            if let recording, let problem = recording.problem(featureCount: loaded.train.featureCount) { throw problem }
            if let problem = setup.initialWeightsProblem(featureCount: loaded.train.featureCount) {
                if let presetInit { throw presetInit.initialWeightsError(problem) }
                throw DataError.invalidOption(option: "--init", reason: problem)
            }
            return LoadedSession(loaded: loaded, setup: setup, session: setup.makeSession(loaded))
        }
        let loaded: LoadedData, session: TrainingSession
        switch outcome {
        case .quit(let signal):
            backend.close()
            Foundation.exit(signal.map { 128 + $0 } ?? 0)
        case .finished(.failure(let error)):
            backend.close()
            fail((error as? DataError)?.description ?? (error as? RecordingError)?.description ?? "\(error)")
        case .finished(.success(let ready)):
            (loaded, setup, session) = (ready.loaded, ready.setup, ready.session)
        }
        let recorder: SessionRecorder?
        do { recorder = try record.map { try SessionRecorder(path: $0, setup: setup) } } catch let failure as AtomicWrite.Failure {
            backend.close()
            session.shutdown()
            fail("--record: \(failure.description)")
        }

        var state = TrainerState(
            width: backend.size.width, height: backend.size.height, hyperparameters: setup.hyperparameters,
            speed: startSpeed, rowCount: loaded.train.rowCount, dataName: Self.titleName(loaded.train.name, setup.data),
            featureNames: loaded.train.featureNames, fitIntercept: setup.data.fitIntercept,
            fitInputName: loaded.train.fitInputName)
        state.targetName = loaded.train.targetName
        state.locked = locked
        state.hidden = hidden
        state.presetName = presetName
        state.takeRows(loaded.train)
        state.renderMode = display.renderMode(environment: environment)
        backend.asciiOnly = state.renderMode == .ascii
        state.themeIndex = themes.index(colorless: noColor || backend.colorDepth == .none)
        recorder?.attach(to: session)
        if comparing {
            state.isComparing = true
            session.requestClosedForm()
        }
        let app = TrainerApp(
            session: session, backend: backend, catalog: themes.catalog, state: state, noColor: noColor,
            notice: (themes.notice ?? presetName.map { "preset \($0)" + (presetDescription.map { ": " + $0 } ?? "") }).map(\.escapedForMessage),
            setup: setup, playback: playback.map { RecordingPlayback(recording: $0, session: session, speed: replayPace) })
        app.framesPerSecond = fps
        let status = app.run()
        backend.close()
        // The data's notices (skipped columns, …) once the terminal is restored: the screen was up while it loaded.
        for line in loaded.notices { MessageLine.write("note: " + line) }
        // The final line, on every way out of the loop (q, Ctrl-C, SIGTERM, SIGHUP, SIGQUIT), after the terminal is restored.
        var recordFailed = false
        if let recorder {
            do { try recorder.finish(session: session) } catch {
                let reason = (error as? AtomicWrite.Failure)?.description ?? "\(error)"
                MessageLine.error("--record: \(reason)")
                recordFailed = true
            }
        }
        session.shutdown()
        if status != 0 { throw ExitCode(status) }
        if recordFailed { throw ExitCode(1) }
    }

    /// Prints a one-line error on stderr and exits with status 1.
}

/// What the loading thread hands the UI: the data, the setup adjusted to it, and the session made from them.
private struct LoadedSession: Sendable {
    var loaded: LoadedData
    var setup: SessionSetup
    var session: TrainingSession
}
