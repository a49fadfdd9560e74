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
        discussion: "All data and training options of `descent fit` apply. --steps, --epochs and --tol stop the run only when given.")

    @OptionGroup var data: DataOptions
    @OptionGroup var training: TrainingOptions

    @Option(help: ArgumentHelp(
        "Colour theme: default, light, high-contrast, monochrome, or NAME.toml in $XDG_CONFIG_HOME/descent/themes.",
        valueName: "NAME"))
    var theme: String?

    @Option(help: ArgumentHelp("Steps per second to start with (default: as fast as possible).", valueName: "N"))
    var speed: Double?

    mutating func run() throws {
        if let problem = training.problem() { fail(problem) }
        if !(training.lr >= 1e-5 && training.lr <= 10) { fail("--lr: the trainer's range is 1e-5 to 10, got \(training.lr)") }
        if let speed, !(speed.isFinite && speed > 0) { fail("--speed: must be a positive number of steps per second, got \(speed)") }
        let given = GivenOptions()
        let loaded: LoadedData
        let specification: DataSpecification
        do {
            specification = try data.specification()
            loaded = try specification.load()
        } catch let error as DataError {
            fail(error.description)
        }

        let environment = ProcessInfo.processInfo.environment
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let themeDirectory = ThemeCatalog.userDirectory(environment: environment)
        let catalog = ThemeCatalog(userDirectory: themeDirectory)
        var warnings = catalog.warnings
        // A theme file that failed to load has already said why; only an unknown name needs its own line.
        if let theme, catalog.index(of: theme) == nil, !warnings.contains(where: { $0.contains("/\(theme).toml:") }) {
            warnings.append("warning: --theme \(theme): no such theme (have \(catalog.names.joined(separator: ", "))); using the default theme")
        }
        for line in loaded.notices.map({ "note: " + $0 }) + warnings {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }

        var hyperparameters = training.hyperparameters
        hyperparameters.batchSize = min(hyperparameters.batchSize, loaded.train.rowCount)
        // The UI runs until the user stops it; the stop options apply only when typed.
        let stop = StopCriteria(
            steps: training.steps, epochs: training.epochs, tolerance: given.contains("tol") ? training.tol : 0)
        let setup = SessionSetup(
            data: specification, hyperparameters: hyperparameters, stop: stop, randomInit: training.initialization == .random)

        let backend: NcursesBackend
        do {
            backend = try NcursesBackend(noColor: noColor)
        } catch let error as TerminalError {
            fail(error.description)
        }
        var state = TrainerState(
            width: backend.size.width, height: backend.size.height, hyperparameters: hyperparameters,
            speed: speed.map { SpeedSetting(stepsPerSecond: $0) } ?? .unlimited, rowCount: loaded.train.rowCount,
            dataName: loaded.train.name, featureNames: loaded.train.featureNames)
        state.renderMode = RenderMode.detect(environment: environment)
        if let theme, let index = catalog.index(of: theme) {
            state.themeIndex = index
        } else if theme == nil, noColor || backend.colorDepth == .none, let index = catalog.index(of: "monochrome") {
            state.themeIndex = index
        }
        let session = setup.makeSession(loaded)
        if training.method == .closedForm {
            state.isComparing = true
            session.requestClosedForm()
        }
        let app = TrainerApp(
            session: session, backend: backend, catalog: catalog, state: state, noColor: noColor,
            notice: warnings.first.map { warning in
                themeDirectory.map { warning.replacingOccurrences(of: $0.path + "/", with: "") } ?? warning
            })
        let status = app.run()
        backend.close()
        session.shutdown()
        if status != 0 { throw ExitCode(status) }
    }

    /// Prints a one-line error on stderr and exits with status 1.
    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("descent: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
