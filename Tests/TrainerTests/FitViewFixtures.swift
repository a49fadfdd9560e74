// Real sessions stepped a fixed number of times, drawn as whole frames: the fit views' golden screens.
import TestSupport
@testable import Engine
import Foundation
import Plot
@testable import Trainer

enum FitViewFixtures {
    /// The repository's Presets/ folder.
    static let presets = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Presets")

    /// A session on `setup` after `steps` steps (the closed form known when `comparing`), the state the UI would
    /// hold for it at `width × height` after `configure`, and the frame it draws.
    static func frame(
        setup: SessionSetup, steps: Int, width: Int, height: Int, comparing: Bool = false, mode: RenderMode = .braille,
        configure: (inout TrainerState) -> Void = { _ in }
    ) throws -> (state: TrainerState, charts: ChartData, buffer: Buffer) {
        let loaded = try setup.data.load()
        let session = setup.makeSession(loaded)
        defer { session.shutdown() }
        for _ in 0..<steps { session.step() }
        if comparing { session.requestClosedForm() }
        session.waitUntilIdle()
        // The closed form is solved off the training thread: wait for it (no timing is asserted).
        if comparing { waitFor(session, "the closed form") { $0.closedForm != nil || $0.closedFormFailure != nil } }
        var state = TrainerState(
            width: width, height: height, hyperparameters: setup.hyperparameters, rowCount: loaded.train.rowCount,
            dataName: loaded.train.name, featureNames: loaded.train.featureNames, fitIntercept: setup.data.fitIntercept,
            fitInputName: loaded.train.fitInputName)
        state.targetName = loaded.train.targetName
        state.snapshot = session.snapshot()
        state.snapshot.stepsPerSecond = 0
        state.isComparing = comparing
        state.renderMode = mode
        configure(&state)
        var charts = ChartData()
        charts.update(from: session, state: state)
        return (state, charts, TrainerScreen(state: state, charts: charts).render())
    }

    static func line(steps: Int = 15) -> SessionSetup {
        SessionSetup(data: DataSpecification(), hyperparameters: Hyperparameters(method: .gd, learningRate: 0.1))
    }

    static var diabetes: SessionSetup {
        SessionSetup(data: DataSpecification(source: .builtin(.diabetes)), hyperparameters: Hyperparameters(method: .gd, learningRate: 0.1))
    }

    static func polynomialOverfit() throws -> SessionSetup {
        try Preset.load(path: presets.appendingPathComponent("polynomial-overfit.toml").path).setup
    }
}
