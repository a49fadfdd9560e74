// The classroom features through the frame loop on a real session: ghosts, export, narration, landscape, replay.
import TestSupport
import Engine
import Foundation
import Plot
import Terminal
import XCTest
@testable import Trainer

final class ClassroomAppTests: XCTestCase {
    private func makeApp(
        events: [InputEvent], state configure: (inout TrainerState) -> Void = { _ in }, playback: SessionRecording? = nil
    ) -> (TrainerApp, MemoryBackend, TrainingSession) {
        let data = TrainerFixtures.lineData
        let setup = playback?.setup ?? SessionSetup(hyperparameters: Hyperparameters(method: .gd, learningRate: 0.1))
        let session = TrainingSession(train: data, hyperparameters: setup.hyperparameters, seed: setup.data.seed, stop: setup.stop)
        let backend = MemoryBackend(width: 80, height: 24, events: events)
        var state = TrainerState(
            width: 1, height: 1, hyperparameters: setup.hyperparameters, speed: .unlimited, rowCount: data.rowCount,
            dataName: data.name, featureNames: data.featureNames)
        configure(&state)
        let app = TrainerApp(
            session: session, backend: backend, catalog: ThemeCatalog(userDirectory: nil), state: state, noColor: false,
            setup: setup, playback: playback.map { RecordingPlayback(recording: $0, session: session) })
        return (app, backend, session)
    }

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("descent-classui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Lets the session's worker finish what the keys asked for, then runs a frame to take its answers.
    private func settle(_ app: TrainerApp, _ session: TrainingSession) {
        session.worker.waitUntilIdle()
        app.run(maxIdleFrames: 1)
    }

    func testGPinsTheSessionsCurveAsALabelledGhost() {
        let (app, backend, session) = makeApp(events: [.key(.character("s")), .key(.character("s")), .key(.character("g"))])
        defer { session.shutdown() }
        app.run(maxIdleFrames: 3)
        XCTAssertEqual(app.state.ghosts.count, 1)
        XCTAssertEqual(app.state.ghosts.runs[0].label, "ghost gd lr 0.1 batch 20")
        XCTAssertTrue(backend.frames.last!.text.contains("─1 ghost gd lr 0.1 batch 20"))
    }

    func testEWritesTheDataAndFiguresAndNamesThemOrSaysWhyNot() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (app, _, session) = makeApp(events: [.key(.character("s")), .key(.character("e"))])
        defer { session.shutdown() }
        app.exportDirectory = directory.path
        app.run(maxIdleFrames: 2)
        settle(app, session)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        XCTAssertEqual(files.count, 8, "the fitted line too (one feature): \(files)")
        for suffix in ["-history.csv", "-weights.csv", "-fit.csv", ".json", "-loss.svg", "-weights.svg", "-data.svg", "-fit.svg"] {
            XCTAssertTrue(files.contains { $0.hasSuffix(suffix) }, "no \(suffix) in \(files)")
        }
        XCTAssertFalse(files.contains { $0.hasSuffix("-landscape.svg") }, "the landscape was not open")
        XCTAssertTrue(app.state.notice?.hasPrefix("saved descent-export-") == true, app.state.notice ?? "")
        XCTAssertTrue(app.state.notice?.hasSuffix(": CSV, JSON, 4 SVG figures") == true, app.state.notice ?? "")

        let (failing, backend, other) = makeApp(events: [.key(.character("e"))])
        defer { other.shutdown() }
        failing.exportDirectory = directory.appendingPathComponent("missing/deeper").path
        failing.run(maxIdleFrames: 2)
        settle(failing, other)
        XCTAssertTrue(failing.state.notice?.hasPrefix("export failed: ") == true, failing.state.notice ?? "")
        XCTAssertFalse(failing.state.notice!.contains("\n"), "one line")
        XCTAssertTrue(backend.frames.last!.lines[0].contains("export failed"))
    }

    func testEWithTheLandscapeOpenAddsItsFigure() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (app, _, session) = makeApp(events: [
            .key(.character("s")), .key(.character("g")), .key(.character("v")), .key(.character("e")),
        ])
        defer { session.shutdown() }
        app.exportDirectory = directory.path
        app.run(maxIdleFrames: 3)
        settle(app, session)  // e may come before the landscape is built: then the export builds its own, on the worker
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        let loss = try XCTUnwrap(files.first { $0.hasSuffix("-loss.svg") }, "\(files)")
        let lossSVG = try String(contentsOf: directory.appendingPathComponent(loss), encoding: .utf8)
        XCTAssertTrue(lossSVG.contains("data-name=\"1: ghost gd lr 0.1 batch 20\""), "the pinned ghost is on the loss figure")
        let landscape = try XCTUnwrap(files.first { $0.hasSuffix("-landscape.svg") }, "\(files)")
        let svg = try String(contentsOf: directory.appendingPathComponent(landscape), encoding: .utf8)
        XCTAssertTrue(svg.contains("class=\"contour\"") && svg.contains("class=\"path\""), "contours and the path")
        XCTAssertTrue(app.state.notice?.hasSuffix(": CSV, JSON, 5 SVG figures") == true, app.state.notice ?? "")
    }

    func testNNarratesTheRealNextStepAndTheNextNTakesIt() {
        let (app, backend, session) = makeApp(events: [.key(.character("s")), .key(.character("n")), .key(.character("n"))])
        defer { session.shutdown() }
        app.run(maxIdleFrames: 2)
        settle(app, session)
        let narration = app.state.narration
        XCTAssertEqual(narration?.step, 2, "after one step and one narrated step, it explains step 3")
        XCTAssertEqual(session.snapshot().step, 2)
        let expected = TrainerFixtures.run(steps: 2).narrateNextStep(rowLimit: 5)
        XCTAssertEqual(narration, expected, "the numbers are those of the step a run would take")
        XCTAssertTrue(backend.frames.last!.text.contains("step 3: gd"))
    }

    func testLandscapeViewDrawsTheHeatmapWithPathAndOptimum() {
        let (app, backend, session) = makeApp(events: [.key(.character("s")), .key(.character("s")), .key(.character("v"))])
        defer { session.shutdown() }
        app.run(maxIdleFrames: 2)
        settle(app, session)
        let text = backend.frames.last!.text
        XCTAssertTrue(text.contains("Loss landscape"))
        XCTAssertTrue(text.contains("◆"))
        XCTAssertTrue(text.contains("●"))
    }

    func testPlaybackReproducesARecordedSessionBitForBit() {
        let data = TrainerFixtures.lineData
        let setup = SessionSetup(hyperparameters: Hyperparameters(method: .minibatch, learningRate: 0.05, batchSize: 4))
        let recorded = TrainingSession(train: data, hyperparameters: setup.hyperparameters, seed: setup.data.seed, stop: setup.stop)
        defer { recorded.shutdown() }
        recorded.step()
        recorded.step()
        var faster = setup.hyperparameters
        faster.learningRate = 0.2
        recorded.setHyperparameters(faster)
        recorded.step()
        recorded.setStandardized(false)
        recorded.step()
        let recording = SessionRecorder.recording(of: recorded, setup: setup)
        XCTAssertEqual(recording.final?.step, 4)

        let (app, _, session) = makeApp(events: [], playback: recording)
        defer { session.shutdown() }
        // The recording plays on its own thread; the frame loop only shows how far it got.
        waitFor("the replay to finish") {
            app.run(maxIdleFrames: 1)
            return app.state.replayProgress == nil
        }
        session.waitUntilIdle()
        let replayed = session.snapshot()
        XCTAssertEqual(replayed.step, 4)
        XCTAssertEqual(replayed.weights, recording.final?.coefficients)
        XCTAssertEqual(replayed.intercept, recording.final?.intercept)
        XCTAssertNil(app.state.replayProgress, "the playback finished and the keys are the user's again")
    }
}
