// Convergence through the frame loop: the engine stops the run, the screen says so, Space runs on, r re-arms.
import TestSupport
import Engine
import Foundation
import Plot
import Terminal
import XCTest
@testable import Trainer

final class ConvergenceAppTests: XCTestCase {
    private let setup = SessionSetup(
        hyperparameters: Hyperparameters(method: .gd, learningRate: 0.1), stop: StopCriteria(tolerance: 1e-10))

    private func makeApp(playback: SessionRecording? = nil) -> (TrainerApp, MemoryBackend, TrainingSession) {
        let data = TrainerFixtures.lineData
        let setup = playback?.setup ?? self.setup
        let session = TrainingSession(train: data, hyperparameters: setup.hyperparameters, seed: setup.data.seed, stop: setup.stop)
        let backend = MemoryBackend(width: 80, height: 24)
        let state = TrainerState(
            width: 80, height: 24, hyperparameters: setup.hyperparameters, speed: .unlimited, rowCount: data.rowCount,
            dataName: data.name, featureNames: data.featureNames)
        let app = TrainerApp(
            session: session, backend: backend, catalog: ThemeCatalog(userDirectory: nil), state: state, noColor: false,
            setup: setup, playback: playback.map { RecordingPlayback(recording: $0, session: session) })
        return (app, backend, session)
    }

    /// Plays `keys` through the app, then lets it draw the engine's latest state.
    private func press(_ keys: String, _ app: TrainerApp, _ backend: MemoryBackend) {
        backend.pendingEvents = keys.map { .key(.character($0)) }
        app.run(maxIdleFrames: 1)
    }

    func testSpaceRunsOnPastConvergenceAndResetConvergesAtTheSameStep() {
        let (app, backend, session) = makeApp()
        defer { session.shutdown() }
        press(" ", app, backend)
        waitFor(session, "convergence") { $0.status == .converged }
        press("", app, backend)
        let first = session.snapshot()
        let frame = backend.frames.last!
        XCTAssertTrue(frame.lines[0].contains("CONVERGED"), frame.lines[0])
        XCTAssertTrue(frame.text.contains("Space runs on"), "the note under the loss legend says what to do\n" + frame.text)

        press(" ", app, backend)
        waitFor(session, "running on past convergence") { $0.step > first.step + 200 }
        XCTAssertEqual(session.snapshot().status, .running)
        press(" ", app, backend)
        session.waitUntilIdle()
        press("r", app, backend)
        session.waitUntilIdle()
        press(" ", app, backend)
        waitFor(session, "convergence after reset") { $0.status == .converged }
        let again = session.snapshot()
        XCTAssertEqual(again.step, first.step)
        XCTAssertEqual(again.weights.map(\.bitPattern), first.weights.map(\.bitPattern))
    }

    func testPlaybackOfASessionThatRanOnPastConvergenceEndsBitForBit() throws {
        let recorded = TrainingSession(
            train: TrainerFixtures.lineData, hyperparameters: setup.hyperparameters, seed: setup.data.seed, stop: setup.stop)
        defer { recorded.shutdown() }
        recorded.start()
        waitFor(recorded, "convergence") { $0.status == .converged }
        let converged = recorded.snapshot().step
        recorded.start()
        waitFor(recorded, "running on") { $0.step > converged + 100 }
        recorded.pause()
        var slower = setup.hyperparameters
        slower.learningRate = 0.05
        recorded.setHyperparameters(slower)
        recorded.start()
        waitFor(recorded, "convergence at the new rate") { $0.status == .converged }
        let recording = SessionRecorder.recording(of: recorded, setup: setup)
        let headless = try recording.replay(on: LoadedData(train: TrainerFixtures.lineData, test: nil, notices: []))
        XCTAssertEqual(headless.model.weights.map(\.bitPattern), recording.final?.coefficients.map(\.bitPattern))

        let (app, _, session) = makeApp(playback: recording)
        defer { session.shutdown() }
        // The recording plays on its own thread; the frame loop only shows how far it got.
        waitFor("the replay to finish") {
            app.run(maxIdleFrames: 1)
            return app.state.replayProgress == nil
        }
        session.waitUntilIdle()
        let replayed = session.snapshot()
        XCTAssertNil(app.state.replayProgress, "the playback finished")
        XCTAssertEqual(replayed.step, recording.final?.step)
        XCTAssertEqual(replayed.status, .converged)
        XCTAssertEqual(replayed.weights.map(\.bitPattern), recording.final?.coefficients.map(\.bitPattern))
        XCTAssertEqual(replayed.intercept?.bitPattern, recording.final?.intercept?.bitPattern)
    }
}
