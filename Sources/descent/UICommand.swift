// `descent ui`: Open the live trainer (the default).
import ArgumentParser
import Engine
import Foundation
import Terminal
import Trainer

struct UICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ui", abstract: "Open the live trainer (the default).")

    @Option(name: .long, help: "Colour theme: default, light, high-contrast, monochrome, or a file name in $XDG_CONFIG_HOME/descent/themes.")
    var theme: String?

    @Option(name: .long, help: "Starting learning rate (1e-5 … 10).")
    var lr: Double = 0.1

    @Option(name: .long, help: "Starting method: gd, sgd or minibatch.")
    var method: TrainingMethod = .gd

    @Option(name: .long, help: "Starting update rule: plain, momentum, nesterov or adam.")
    var update: UpdateRule = .plain

    @Option(name: .long, help: "Rows per mini-batch step.")
    var batchSize: Int = 32

    @Option(name: .long, help: "Steps per second to start with (default: as fast as possible).")
    var speed: Double?

    func validate() throws {
        guard lr.isFinite, lr >= 1e-5, lr <= 10 else { throw ValidationError("--lr must be between 1e-5 and 10, got \(lr)") }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1, got \(batchSize)") }
        if let speed, !(speed.isFinite && speed > 0) { throw ValidationError("--speed must be a positive number of steps per second") }
    }

    mutating func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let catalog = ThemeCatalog(userDirectory: ThemeCatalog.userDirectory(environment: environment))
        var warnings = catalog.warnings
        if let theme, catalog.index(of: theme) == nil {
            warnings.append("warning: --theme \(theme): no such theme (have \(catalog.names.joined(separator: ", "))); using the default theme")
        }
        for warning in warnings { FileHandle.standardError.write(Data((warning + "\n").utf8)) }

        let train = Self.lineData()
        let hyperparameters = Hyperparameters(
            method: method, update: update, learningRate: lr, batchSize: min(batchSize, train.rowCount))
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend(noColor: noColor)
        } catch let error as TerminalError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
        var state = TrainerState(
            width: backend.size.width, height: backend.size.height, hyperparameters: hyperparameters,
            speed: speed.map { SpeedSetting(stepsPerSecond: $0) } ?? .unlimited, rowCount: train.rowCount,
            dataName: train.name, featureNames: train.featureNames)
        if let theme, let index = catalog.index(of: theme) {
            state.themeIndex = index
        } else if theme == nil, noColor || backend.colorDepth == .none, let index = catalog.index(of: "monochrome") {
            state.themeIndex = index
        }
        let session = TrainingSession(train: train, hyperparameters: hyperparameters)
        let app = TrainerApp(
            session: session, backend: backend, catalog: catalog, state: state, noColor: noColor, notice: warnings.first)
        let status = app.run()
        session.shutdown()
        backend.close()
        if status != 0 { throw ExitCode(status) }
    }

    /// A stand-in for the Engine's built-in `line` data set until its data options are merged.
    static func lineData() -> Dataset {
        let n = 200
        let x = (0..<n).map { Double($0) / Double(n - 1) * 10 }
        let y = x.enumerated().map { 2 * $0.element + 1 + sin(Double($0.offset) * 1.7) }
        return Dataset(name: "line", featureNames: ["x"], targetName: "y", x: x, y: y)
    }
}

extension TrainingMethod: ExpressibleByArgument {}
extension UpdateRule: ExpressibleByArgument {}
