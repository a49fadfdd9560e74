// `descent race`: GD, SGD and mini-batch side by side on the same data from the same start.
import ArgumentParser
import Engine
import Foundation
import Plot
import Terminal
import Trainer

/// Races the methods live in the terminal (each contestant on its own thread, at one shared pace), or with
/// `--headless` trains each to the same step count on the main thread (deterministic, like `fit`) and prints
/// each one's final loss.
struct RaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "race", abstract: "Race GD, SGD and mini-batch on the same data from the same start.",
        discussion: """
            Each contestant has its own learning rate. GD, momentum and Nesterov start at half their rule's \
            stability bound (2/λmax, 2(1+β)/λmax, 2(1+β)/((1+2β)λmax)); mini-batch at ¼ and SGD at 1/20 of 2/λmax; \
            Adam, whose step moves each parameter by about η, at max(|mean y|, sd y)/100. --lr NAME=RATE sets one \
            (in the live view + and - change the chosen one's).
            """)

    @OptionGroup var data: DataOptions
    @OptionGroup var display: DisplayOptions

    @Option(name: .customLong("batch-size"), parsing: .unconditional, help: "Rows per mini-batch step.")
    var batchSize: Int = 32

    @Option(help: ArgumentHelp("Extra contestants, comma-separated: momentum, nesterov, adam.", valueName: "LIST"))
    var with: String?

    @Option(name: .customLong("lr"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "One contestant's learning rate (repeatable): gd, sgd, minibatch, momentum, nesterov or adam = a positive number.",
        valueName: "NAME=RATE"))
    var rates: [String] = []

    @Option(parsing: .unconditional, help: "Steps each contestant takes.")
    var steps: Int = 1000

    @Option(parsing: .unconditional, help: ArgumentHelp("Steps per second in the live view, or max.", valueName: "N|max"))
    var speed: String = "50"

    @Flag(help: "Train without the UI and print each contestant's final loss.")
    var headless = false

    @Flag(help: "Print one JSON object on stdout (headless).")
    var json = false

    mutating func run() throws {
        if steps < 1 { fail("--steps: must be at least 1, got \(steps)") }
        if batchSize < 1 { fail("--batch-size: must be at least 1, got \(batchSize)") }
        var extras: [RaceContestant.Extra] = []
        for name in (with ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let extra = RaceContestant.Extra(rawValue: name) else {
                fail("--with: unknown contestant '\(name.escapedForMessage)' (expected momentum, nesterov or adam)")
            }
            extras.append(extra)
        }
        let specification: DataSpecification
        let loaded: LoadedData
        do {
            specification = try data.specification()
            loaded = try specification.load()
        } catch let error as DataError {
            fail(error.description)
        }
        var probe = TrainingRun(
            train: loaded.train, fitIntercept: specification.fitIntercept, standardize: specification.standardize)
        var contestants = RaceContestant.standard(
            stableRate: probe.largestStableLearningRate(), batchSize: batchSize, extras: extras,
            targetScale: RaceContestant.targetScale(of: loaded.train, fitIntercept: specification.fitIntercept))
        for (name, rate) in rateOverrides(extras: extras) {
            for index in contestants.indices where contestants[index].optionName == name {
                contestants[index].hyperparameters.learningRate = rate
            }
        }
        guard headless else {
            try runLive(loaded, specification, contestants)
            return
        }
        var results: [RaceReport.Contestant] = []
        var lines: [String] = []
        for contestant in contestants {
            let setup = SessionSetup(
                data: specification, hyperparameters: contestant.hyperparameters, stop: .init(steps: steps))
            var run = setup.makeRun(loaded)
            while run.outcome == nil { run.takeStep() }
            let train = run.trainMetrics(), test = run.testMetrics()
            let model = run.model
            results.append(RaceReport.Contestant(
                label: contestant.label, method: contestant.hyperparameters.method,
                update: contestant.hyperparameters.update, lr: contestant.hyperparameters.learningRate, steps: run.step,
                status: run.outcome ?? .maxSteps, trainMSE: train.meanSquaredError, testMSE: test?.meanSquaredError,
                coefficients: model.weights, intercept: model.intercept))
            let testPart = test.map { "  test MSE \(FitReport.format($0.meanSquaredError))" } ?? ""
            lines.append(
                contestant.label.padding(toLength: 16, withPad: " ", startingAt: 0)
                    + "lr \(FitReport.format(contestant.hyperparameters.learningRate))".padding(toLength: 16, withPad: " ", startingAt: 0)
                    + "\(run.step) steps  train MSE \(FitReport.format(train.meanSquaredError))\(testPart)"
                    + (run.outcome == .diverged ? "  (diverged)" : ""))
        }
        if json {
            print(try JSONCoding.line(RaceReport(dataset: loaded.train.name, contestants: results)))
        } else {
            print("race on \(loaded.train.name): \(loaded.train.rowCount) training rows, \(steps) steps each")
            lines.forEach { print($0) }
        }
    }

    /// The live view: every contestant on the same rows, seed and start, driven together.
    private func runLive(_ loaded: LoadedData, _ specification: DataSpecification, _ contestants: [RaceContestant]) throws {
        let rate: Double?
        if speed == "max" {
            rate = nil
        } else if let value = Double(speed), value.isFinite, value > 0 {
            rate = value
        } else {
            fail("--speed: must be a positive number of steps per second or max, got '\(speed)'")
        }
        let environment = ProcessInfo.processInfo.environment
        let themes = ThemeChoice(name: display.theme, environment: environment)
        for line in loaded.notices.map({ "note: " + $0 }) + themes.warnings {
            MessageLine.write(line)
        }
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let backend: NcursesBackend
        do { backend = try NcursesBackend(noColor: noColor) } catch let error as TerminalError {
            fail(error.description)
        }
        let theme = themes.catalog.theme(at: themes.index(colorless: noColor || backend.colorDepth == .none))
        let race = RaceSession(
            train: loaded.train, test: loaded.test, fitIntercept: specification.fitIntercept,
            standardize: specification.standardize, seed: specification.seed, stop: StopCriteria(steps: steps),
            contestants: contestants)
        race.setSpeed(stepsPerSecond: rate)
        var state = RaceState(
            width: backend.size.width, height: backend.size.height, dataName: loaded.train.name,
            rowCount: loaded.train.rowCount, featureNames: loaded.train.featureNames, contestants: contestants)
        state.renderMode = display.renderMode(environment: environment)
        backend.asciiOnly = state.renderMode == .ascii
        let status = RaceApp(race: race, backend: backend, styles: noColor ? theme.withoutColor.styles : theme.styles, state: state)
            .run()
        backend.close()
        race.shutdown()
        if status != 0 { throw ExitCode(status) }
    }

    /// The `--lr NAME=RATE` options, checked: a known contestant in this race, a positive finite rate.
    private func rateOverrides(extras: [RaceContestant.Extra]) -> [(String, Double)] {
        let inRace = ["gd", "sgd", "minibatch"] + extras.map(\.rawValue)
        return rates.map { text in
            let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { fail("--lr: expected NAME=RATE (e.g. adam=0.5), got '\(text.escapedForMessage)'") }
            let name = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            guard RaceContestant.optionNames.contains(name) else {
                fail("--lr: unknown contestant '\(name.escapedForMessage)' (expected \(RaceContestant.optionNames.joined(separator: ", ")))")
            }
            guard inRace.contains(name) else { fail("--lr: \(name) is not in the race (add it with --with \(name))") }
            guard let rate = Double(value), rate.isFinite, rate > 0 else {
                fail("--lr: \(name)'s rate must be a positive number, got '\(value.escapedForMessage)'")
            }
            return (name, rate)
        }
    }
}
