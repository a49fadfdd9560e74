// Teacher presets: every shipped preset loads and does what its comment says; bad files name file:line and key.
import XCTest
import Engine

final class PresetTests: XCTestCase {
    private static let presetDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Presets")

    private func preset(_ name: String) throws -> Preset {
        try Preset.load(path: PresetTests.presetDirectory.appendingPathComponent(name + ".toml").path)
    }

    /// Trains a preset's setup headless to its stop criteria.
    private func train(_ setup: SessionSetup) throws -> TrainingRun {
        var run = setup.makeRun(try setup.data.load())
        while run.outcome == nil { run.takeStep() }
        run.refreshLosses()
        return run
    }

    func testEveryShippedPresetLoadsAndStartsWithAComment() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: PresetTests.presetDirectory.path)
            .filter { $0.hasSuffix(".toml") }.sorted()
        XCTAssertEqual(names, [
            "anscombe.toml", "ill-conditioned-standardized.toml", "ill-conditioned.toml", "line-on-a-curve.toml",
            "one-outlier.toml", "overshoot.toml", "polynomial-overfit.toml", "sgd-decay.toml", "sgd-noise.toml",
            "simpsons-paradox.toml",
        ])
        for name in names {
            let path = PresetTests.presetDirectory.appendingPathComponent(name).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertTrue(text.hasPrefix("# "), name)
            let preset = try Preset.load(path: path)
            XCTAssertEqual(preset.name + ".toml", name)
            XCTAssertNotNil(preset.description, name)
            XCTAssertNoThrow(try preset.setup.data.load(), name)
        }
    }

    func testOvershootDivergesAboveTheBound() throws {
        let preset = try preset("overshoot")
        var run = try train(preset.setup)
        XCTAssertEqual(run.outcome, .diverged)
        XCTAssertGreaterThan(preset.setup.hyperparameters.learningRate, run.largestStableLearningRate())
        XCTAssertTrue(run.message?.contains("overshoots") ?? false, run.message ?? "")
        XCTAssertEqual(preset.locked, [.method, .standardize])
    }

    func testStandardizationTurnsTheSlowValleyIntoAFastOne() throws {
        let raw = try preset("ill-conditioned"), standardized = try preset("ill-conditioned-standardized")
        XCTAssertEqual(raw.setup.data.source, standardized.setup.data.source)
        XCTAssertEqual(raw.setup.stop, standardized.setup.stop)
        let loaded = try raw.setup.data.load()
        let optimum = try ClosedFormComparison.solve(
            train: loaded.train, test: nil, fitIntercept: true, l2: 0, standardized: false).trainLoss
        var slow = try train(raw.setup), fast = try train(standardized.setup)
        XCTAssertLessThan(raw.setup.hyperparameters.learningRate, slow.largestStableLearningRate(), "the raw run is stable…")
        XCTAssertGreaterThan(slow.trainMetrics().meanSquaredError, 1.1 * optimum, "…but still far from the optimum")
        XCTAssertEqual(fast.trainMetrics().meanSquaredError, optimum, accuracy: 1e-6 * optimum)
        XCTAssertGreaterThan(fast.largestStableLearningRate() / slow.largestStableLearningRate(), 1000)
    }

    func testSGDDecaySettlesAfterTheScheduleIsSwitched() throws {
        let preset = try preset("sgd-decay")
        XCTAssertEqual(preset.setup.hyperparameters.schedule.kind, .constant)
        let text = try String(contentsOfFile: PresetTests.presetDirectory.appendingPathComponent("sgd-decay.toml").path, encoding: .utf8)
        XCTAssertTrue(text.contains("press k"), "the comment says which key to press")
        let loaded = try preset.setup.data.load()
        /// Mean absolute step-to-step change of the training MSE over steps 9000…10000, with `kind` switched on
        /// at step 3000 (as a learner pressing k would).
        func jitter(_ kind: ScheduleKind) -> Double {
            var run = preset.setup.makeRun(loaded)
            var losses: [Double] = []
            for step in 0..<10_000 {
                if step == 3000 {
                    var h = run.hyperparameters
                    h.schedule.kind = kind
                    run.setHyperparameters(h)
                }
                run.takeStep()
                if step >= 9000 { losses.append(run.trainMetrics().meanSquaredError) }
            }
            return zip(losses, losses.dropFirst()).map { abs($1 - $0) }.reduce(0, +) / Double(losses.count - 1)
        }
        let bouncing = jitter(.constant)
        XCTAssertGreaterThan(bouncing, 5 * jitter(.inverse))
        XCTAssertGreaterThan(bouncing, 2 * jitter(.invscaling))
    }

    func testSchedulePresetKeysAndErrors() throws {
        let h = try Preset.parse("[training]\nschedule = \"step\"\ngamma = 0.3\nevery = 2", file: "p.toml").setup.hyperparameters
        XCTAssertEqual(h.schedule, LearningRateSchedule(kind: .step, factor: 0.3, every: 2))
        XCTAssertEqual(error("[training]\nschedule = \"cosine\"\nfloor = 2"),
            "lesson.toml:3: key 'training.floor': must be in [0, 1], got 2.0")
        XCTAssertEqual(error("[training]\nschedule = \"inverse\"\npower_t = 0.5"),
            "lesson.toml:3: key 'training.power_t': is a parameter of schedule = \"invscaling\", not \"inverse\"")
        XCTAssertEqual(error("[training]\nschedule = \"exp\""),
            "lesson.toml:2: key 'training.schedule': 'exp' is not one of constant, inverse, invscaling, step, cosine")
    }

    func testSGDNoiseShrinksWithTheBatch() throws {
        let preset = try preset("sgd-noise")
        XCTAssertEqual(preset.setup.hyperparameters.method, .sgd)
        XCTAssertEqual(preset.hidden, [.closedForm])
        /// Mean absolute change of the training loss from step to step over the last 1000 steps.
        func jitter(_ setup: SessionSetup) throws -> Double {
            var run = setup.makeRun(try setup.data.load())
            var losses: [Double] = []
            while run.outcome == nil {
                run.takeStep()
                if run.step > setup.stop.steps! - 1000 { losses.append(run.trainMetrics().meanSquaredError) }
            }
            return zip(losses, losses.dropFirst()).map { abs($1 - $0) }.reduce(0, +) / Double(losses.count - 1)
        }
        var batched = preset.setup
        batched.hyperparameters.method = .minibatch
        XCTAssertGreaterThan(try jitter(preset.setup), 3 * (try jitter(batched)))
    }

    func testPolynomialOverfitsWithATestSplit() throws {
        let preset = try preset("polynomial-overfit")
        XCTAssertEqual(preset.setup.data.polynomialDegree, 9)
        let run = try train(preset.setup)
        let train = run.trainMetrics().meanSquaredError, test = try XCTUnwrap(run.testMetrics()).meanSquaredError
        XCTAssertGreaterThan(test, train)
        let loaded = try preset.setup.data.load()
        let closed = try ClosedFormComparison.solve(
            train: loaded.train, test: loaded.test, fitIntercept: true, l2: 0, standardized: true)
        XCTAssertGreaterThan(try XCTUnwrap(closed.testLoss), 5 * closed.trainLoss)
    }

    private func error(_ text: String) -> String {
        do {
            _ = try Preset.parse(text, file: "lesson.toml")
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testBadPresetsNameFileLineAndKey() {
        XCTAssertEqual(error("[training]\nlr = 0.1\nspeeed = 3\n"),
            "lesson.toml:3: key 'training.speeed': unknown key (expected one of batch_size, decay, every, floor, gamma, horizon, init, l1, l2, loss, lr, method, momentum, power_t, schedule, speed, update)")
        XCTAssertEqual(error("# c\n\n[training]\n  lr = -2\n"), "lesson.toml:4: key 'training.lr': must be a positive number, got -2.0")
        XCTAssertEqual(error("[training]\nmethod = \"newton\""),
            "lesson.toml:2: key 'training.method': 'newton' is not one of gd, sgd, minibatch")
        XCTAssertEqual(error("[data]\ndataset = \"line\"\nfile = \"x.csv\""), "lesson.toml:3: key 'data.file': give a file or a dataset, not both")
        XCTAssertEqual(error("[data]\npoly = 2.5"), "lesson.toml:2: key 'data.poly': must be a whole number")
        XCTAssertEqual(error("[controls]\nlocked = [\"lr\", \"volume\"]"),
            "lesson.toml:2: key 'controls.locked': unknown control 'volume' (expected method, update, lr, batch, momentum, l2, l1, speed, standardize, closed-form, reset, data)")
        XCTAssertEqual(error("[lesson]\nx = 1"),
            "lesson.toml:1: key 'lesson': unknown key (expected name, description, [data], [training], [stop], [controls], [display])")
        XCTAssertEqual(error("[training]\nloss = \"rmse\""),
            "lesson.toml:2: key 'training.loss': 'rmse' is not one of mse, half-mse, sse, half-sse")
        XCTAssertEqual(try Preset.parse("[training]\nloss = \"half-sse\"", file: "p.toml").setup.hyperparameters.loss, .halfSSE)
        XCTAssertEqual(error("[stop]\nsteps = 0"), "lesson.toml:2: key 'stop.steps': must be at least 1, got 0")
        XCTAssertTrue(error("[training]\nlr = = 3").hasPrefix("lesson.toml:2:"), error("[training]\nlr = = 3"))
        XCTAssertEqual(error("name = 3"), "lesson.toml:1: key 'name': must be a string")
        XCTAssertThrowsError(try Preset.load(path: "/nonexistent/p.toml")) { XCTAssertEqual("\($0)", "/nonexistent/p.toml: no such file") }
    }

    func testValuesAndRelativeDataFiles() throws {
        let preset = try Preset.parse("""
            [data]
            file = "data/points.csv"
            target = "y"
            standardize = false
            [training]
            method = "minibatch"
            update = "adam"
            lr = 1
            batch_size = 8
            init = "random"
            speed = 30
            [stop]
            epochs = 2.5
            [controls]
            hidden = ["closed-form", "data"]
            """, file: "/lessons/week1/p.toml")
        XCTAssertEqual(preset.setup.data.source, .csv(path: "/lessons/week1/data/points.csv"))
        XCTAssertEqual(preset.setup.data.target, "y")
        XCTAssertFalse(preset.setup.data.standardize)
        XCTAssertEqual(preset.setup.hyperparameters, .init(method: .minibatch, update: .adam, learningRate: 1, batchSize: 8))
        XCTAssertTrue(preset.setup.randomInit)
        XCTAssertEqual(preset.speed, 30)
        XCTAssertEqual(preset.setup.stop, .init(steps: nil, epochs: 2.5, tolerance: 0))
        XCTAssertEqual(preset.hidden, [.closedForm, .data])
        XCTAssertEqual(preset.name, "p")
        XCTAssertTrue(preset.keys.isSuperset(of: ["training.lr", "stop.epochs", "data.file"]))
        XCTAssertFalse(preset.keys.contains("stop.tol"))
    }

    func testInitGivesStartingWeightsOrNamesFileLineAndKey() throws {
        let preset = try Preset.parse("[data]\ndataset = \"line\"\n[training]\ninit = [5, -3]\n", file: "start.toml")
        XCTAssertEqual(preset.setup.initialWeights, [5, -3])
        XCTAssertFalse(preset.setup.randomInit)
        XCTAssertEqual(preset.initialWeightsLine, 4)
        XCTAssertEqual(error("[training]\ninit = [1, \"x\"]"),
            "lesson.toml:2: key 'training.init': must be \"zero\", \"random\" or the starting weights [w1, …, b] (numbers)")
        XCTAssertEqual(error("[training]\ninit = []"), "lesson.toml:2: key 'training.init': the starting weights [w1, …, b] need at least two values")
        XCTAssertEqual(error("[training]\ninit = \"ones\""), "lesson.toml:2: key 'training.init': 'ones' is not one of zero, random")
    }
}
