// The z key through the frame loop on diabetes: κ GD in the Controls stats and the stable rate both move.
import MessageText
import Engine
import Foundation
import Plot
import Terminal
import XCTest
@testable import Trainer

final class StandardizationAppTests: XCTestCase {
    func testZChangesKappaAndTheStableRateOnScreen() throws {
        let data = try DataSpecification(source: .builtin(.diabetes)).load().train
        let hyperparameters = Hyperparameters(method: .gd, learningRate: 0.1)
        let session = TrainingSession(train: data, hyperparameters: hyperparameters)
        defer { session.shutdown() }
        let backend = MemoryBackend(width: 80, height: 24)
        let state = TrainerState(
            width: 80, height: 24, hyperparameters: hyperparameters, speed: .unlimited, rowCount: data.rowCount,
            dataName: data.name, featureNames: data.featureNames)
        let app = TrainerApp(session: session, backend: backend, catalog: ThemeCatalog(userDirectory: nil), state: state, noColor: false)

        /// Plays the pending keys, lets the engine apply what they sent, and returns the stats row naming κ GD.
        func kappaRow() -> String? {
            app.run(maxIdleFrames: 1)
            session.waitUntilIdle()
            app.run(maxIdleFrames: 1)
            return backend.frames.last?.lines.first { $0.contains("κ GD") }
        }
        var standardizedRun = TrainingRun(train: data, standardize: true)
        var rawRun = TrainingRun(train: data, standardize: false)
        let standardized = try XCTUnwrap(kappaRow())
        XCTAssertTrue(standardized.contains("κ GD " + NumberText.figure(try XCTUnwrap(standardizedRun.conditionNumber()))), standardized)
        let standardizedRate = app.state.snapshot.largestStableLearningRate

        backend.pendingEvents = [.key(.character("z"))]
        let raw = try XCTUnwrap(kappaRow())
        XCTAssertFalse(app.state.snapshot.standardized)
        XCTAssertTrue(raw.contains("κ GD " + NumberText.figure(try XCTUnwrap(rawRun.conditionNumber()))), raw)
        XCTAssertNotEqual(raw, standardized)
        XCTAssertLessThan(app.state.snapshot.largestStableLearningRate, standardizedRate / 100, "the stable rate moves too")
    }
}
