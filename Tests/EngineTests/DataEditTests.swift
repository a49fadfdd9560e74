// Editing the training points while a run trains: each edit's effect on the rows, the fit and the run.
import TestSupport
import XCTest
import Engine

final class DataEditTests: XCTestCase {
    private func lineRun(rows: Int = 40, poly: Int = 1, seed: UInt64 = 3) throws -> TrainingRun {
        let data = DataSpecification(source: .builtin(.line), synthetic: .init(rows: rows), polynomialDegree: poly, seed: seed)
        let loaded = try data.load()
        return TrainingRun(train: loaded.train, hyperparameters: .init(learningRate: 0.1), seed: seed)
    }

    private func closedForm(_ data: Dataset) throws -> ClosedFormComparison {
        try ClosedFormComparison.solve(train: data, test: nil, fitIntercept: true, l2: 0, standardized: true, loss: .mse, l1: 0)
    }

    private func predict(_ fit: ClosedFormComparison, at x: Double) -> Double {
        fit.weights[0] * x + (fit.intercept ?? 0)
    }

    func testAnOutlierPullsTheClosedFormLineTowardsIt() throws {
        var run = try lineRun()
        let before = try closedForm(run.train)
        let point = try XCTUnwrap(run.train.outlierPoint)
        XCTAssertEqual(point.x, run.train.x.max())
        XCTAssertLessThan(point.y, run.train.y.min()!, "the line data rises, so the outlier goes below the points")
        XCTAssertNil(run.edit(.addOutlier))
        XCTAssertEqual(run.train.rowCount, 41)
        XCTAssertEqual(run.train.x.last, point.x)
        XCTAssertEqual(run.train.y.last, point.y)
        let after = try closedForm(run.train)
        XCTAssertLessThan(after.weights[0], before.weights[0], "a point below the right end flattens the slope")
        XCTAssertLessThan(abs(predict(after, at: point.x) - point.y), abs(predict(before, at: point.x) - point.y))
        XCTAssertEqual(run.dataVersion, 1)
        XCTAssertEqual(run.dataEditSteps, [0])
    }

    func testAddingAPointAboveTheLineRaisesTheFitThere() throws {
        var run = try lineRun()
        for _ in 0..<20 { run.takeStep() }
        let before = try closedForm(run.train)
        let x = run.train.x[5], y = predict(before, at: x) + 50
        XCTAssertNil(run.edit(.add(x: x, y: y)))
        let after = try closedForm(run.train)
        XCTAssertGreaterThan(predict(after, at: x), predict(before, at: x))
        XCTAssertEqual(run.dataEditSteps, [20])
        // A point exactly on top of another: no trouble.
        XCTAssertNil(run.edit(.add(x: run.train.x[0], y: run.train.y[0])))
        for _ in 0..<50 { run.takeStep() }
        XCTAssertTrue(run.model.weights.allSatisfy(\.isFinite))
        XCTAssertTrue(run.latestTrainLoss?.isFinite ?? false)
    }

    func testMovingAPointMovesTheFitTowardsItsNewPlace() throws {
        var run = try lineRun()
        let before = try closedForm(run.train)
        let x = run.train.x[0]
        XCTAssertNil(run.edit(.move(row: 0, x: x, y: run.train.y[0] + 30)))
        XCTAssertEqual(run.train.rowCount, 40)
        XCTAssertEqual(run.train.x[0], x)
        let after = try closedForm(run.train)
        XCTAssertGreaterThan(predict(after, at: x), predict(before, at: x) + 1)
        XCTAssertEqual(run.edit(.move(row: 40, x: 0, y: 0))?.description, "no training point 41 to move")
        XCTAssertNotNil(run.edit(.move(row: 1, x: .nan, y: 0)))
    }

    func testRemovingStopsAtTheRowsAFitNeeds() throws {
        var run = try lineRun(rows: 4)
        let nearest = try XCTUnwrap(run.train.nearestRow(x: run.train.x[2], y: run.train.y[2], xUnit: 1, yUnit: 1))
        XCTAssertEqual(nearest, 2)
        let removed = (run.train.x[2], run.train.y[2])
        XCTAssertNil(run.edit(.removeNearest(x: removed.0, y: removed.1, xUnit: 1, yUnit: 1)))
        XCTAssertFalse(zip(run.train.x, run.train.y).contains { $0 == removed })
        XCTAssertNil(run.edit(.remove(row: 0)))
        XCTAssertEqual(run.train.rowCount, 2)
        let refusal = run.edit(.remove(row: 0))
        XCTAssertEqual(refusal?.description, "a fit needs at least 2 points: not removing one of 2")
        XCTAssertEqual(run.train.rowCount, 2)
        XCTAssertEqual(run.dataVersion, 2, "a refused edit changes nothing")
        for _ in 0..<30 { run.takeStep() }
        XCTAssertTrue(run.model.weights.allSatisfy(\.isFinite))
    }

    func testUndoRestoresTheLoadedRowsBitForBit() throws {
        var run = try lineRun()
        let loaded = run.train
        XCTAssertEqual(run.edit(.undoAll)?.description, "no edits to undo: the points are as loaded")
        run.edit(.addOutlier)
        run.edit(.move(row: 3, x: 1.5, y: -2))
        run.edit(.remove(row: 7))
        run.edit(.add(x: 0.25, y: 9))
        XCTAssertNotEqual(run.train.y, loaded.y)
        XCTAssertNil(run.edit(.undoAll))
        XCTAssertEqual(run.train.x.map(\.bitPattern), loaded.x.map(\.bitPattern))
        XCTAssertEqual(run.train.y.map(\.bitPattern), loaded.y.map(\.bitPattern))
        XCTAssertEqual(run.dataVersion, 5)
    }

    func testTheModelIsKeptInDataUnitsAcrossAnEdit() throws {
        var run = try lineRun()
        for _ in 0..<15 { run.takeStep() }
        let before = run.model
        var raw = run
        raw.setStandardized(false)
        let rawBound = raw.largestStableLearningRate()
        run.edit(.addOutlier)
        let after = run.model
        XCTAssertEqual(after.weights[0], before.weights[0], accuracy: 1e-12 * abs(before.weights[0]))
        XCTAssertEqual(after.intercept!, before.intercept!, accuracy: 1e-12 * max(1, abs(before.intercept!)))
        XCTAssertEqual(run.step, 15, "training goes on from the current step")
        // The loss is of the new rows: the outlier's squared residual raised it.
        let metrics = run.trainMetrics()
        XCTAssertEqual(run.latestTrainMSE!, metrics.meanSquaredError, accuracy: 1e-12 * metrics.meanSquaredError)
        // The bound and κ are those of the new design: as a run started on the edited rows has them.
        raw = run
        raw.setStandardized(false)
        var fresh = TrainingRun(train: run.train, standardize: false)
        XCTAssertEqual(raw.largestStableLearningRate(), fresh.largestStableLearningRate())
        XCTAssertEqual(raw.conditionNumber(), fresh.conditionNumber())
        XCTAssertNotEqual(raw.largestStableLearningRate(), rawBound)
        for _ in 0..<2000 { run.takeStep() }
        let optimum = try closedForm(run.train)
        XCTAssertEqual(run.model.weights[0], optimum.weights[0], accuracy: 1e-6 * abs(optimum.weights[0]))
    }

    func testPolynomialDataEditsTheBaseInput() throws {
        var run = try lineRun(poly: 3)
        XCTAssertNil(run.edit(.add(x: 2, y: 1)))
        let d = run.train.featureCount
        XCTAssertEqual(d, 3)
        XCTAssertEqual(Array(run.train.x[(run.train.rowCount - 1) * d..<run.train.rowCount * d]), [2, 4, 8])
        XCTAssertEqual(run.train.polynomialBase?.values.last, 2)
        XCTAssertEqual(run.train.featureNames, try lineRun(poly: 3).train.featureNames)
        XCTAssertEqual(run.edit(.remove(row: 0)), nil)
        XCTAssertEqual(run.train.minimumRows(fitIntercept: true), 4)
    }

    func testEditingIsRefusedOnManyFeaturesAndManyRows() throws {
        let wide = try DataSpecification(source: .builtin(.synthetic), synthetic: .init(rows: 50, features: 3)).load()
        var run = TrainingRun(train: wide.train)
        let refusal = run.edit(.addOutlier)
        XCTAssertEqual(refusal?.description.hasPrefix("point editing needs one input feature ("), true, refusal?.description ?? "")
        XCTAssertEqual(run.train.rowCount, 50)
        let big = try DataSpecification(source: .builtin(.line), synthetic: .init(rows: DataEdit.maximumRows + 1)).load()
        var bigRun = TrainingRun(train: big.train)
        XCTAssertEqual(
            bigRun.edit(.add(x: 0, y: 0))?.description,
            "point editing is off above 10000 rows (line has 10001)")
        let full = try DataSpecification(source: .builtin(.line), synthetic: .init(rows: DataEdit.maximumRows)).load()
        var fullRun = TrainingRun(train: full.train)
        XCTAssertNil(fullRun.edit(.move(row: 0, x: 0, y: 0)))
        XCTAssertEqual(fullRun.edit(.addOutlier)?.description, "point editing stops at 10000 rows: not adding more")
    }

    func testEditingADivergedRunKeepsEverythingFinite() throws {
        var run = try lineRun()
        run.setHyperparameters(.init(learningRate: 50))
        for _ in 0..<200 where run.takeStep() {}
        XCTAssertEqual(run.outcome, .diverged)
        XCTAssertNil(run.edit(.addOutlier))
        XCTAssertTrue(run.model.weights.allSatisfy(\.isFinite))
        XCTAssertTrue(run.latestTrainLoss?.isFinite ?? false)
        run.setHyperparameters(.init(learningRate: 0.1))
        run.resume()
        for _ in 0..<100 { run.takeStep() }
        XCTAssertNil(run.outcome)
        XCTAssertTrue(run.model.weights.allSatisfy(\.isFinite))
    }

    func testASessionAppliesEditsAndSolvesTheClosedFormAgain() throws {
        let loaded = try DataSpecification(source: .builtin(.line), synthetic: .init(rows: 30)).load()
        let session = TrainingSession(train: loaded.train)
        defer { session.shutdown() }
        session.requestClosedForm()
        for _ in 0..<10 { session.step() }
        session.waitUntilIdle()
        waitFor(session, "the closed form") { $0.closedForm != nil }
        let before = try XCTUnwrap(session.snapshot().closedForm)
        session.send(.editData(.addOutlier))
        session.waitUntilIdle()
        var snapshot = session.snapshot()
        XCTAssertEqual(snapshot.dataVersion, 1)
        XCTAssertEqual(snapshot.dataEditSteps, [10])
        XCTAssertEqual(session.train.rowCount, 31)
        XCTAssertEqual(session.loadedTrain.rowCount, 30)
        waitFor(session, "the closed form") { $0.closedForm != nil }
        let after = try XCTUnwrap(session.snapshot().closedForm)
        XCTAssertEqual(after.weights.map(\.bitPattern), try closedForm(session.train).weights.map(\.bitPattern))
        XCTAssertNotEqual(after.weights, before.weights)
        session.send(.editData(.remove(row: 99)))
        session.waitUntilIdle()
        snapshot = session.snapshot()
        XCTAssertEqual(snapshot.dataEditRefusal, "no training point 100 to remove")
        XCTAssertEqual(snapshot.dataVersion, 1)
    }

    func testARecordingWithEditsReplaysBitForBit() throws {
        let setup = SessionSetup(
            data: DataSpecification(source: .builtin(.line), synthetic: .init(rows: 60), seed: 9),
            hyperparameters: .init(method: .minibatch, update: .momentum, learningRate: 0.05, batchSize: 8),
            stop: .init(steps: 600))
        let loaded = try setup.data.load()
        let session = setup.makeSession(loaded)
        defer { session.shutdown() }
        for _ in 0..<5 { session.step() }
        session.send(.editData(.addOutlier))
        session.start()
        waitFor(session, "step 100") { $0.step >= 100 }
        session.send(.editData(.move(row: 2, x: 0.5, y: 7)))
        session.send(.editData(.removeNearest(x: 0, y: 0, xUnit: 0.1, yUnit: 0.5)))
        waitFor(session, "step 300") { $0.step >= 300 }
        session.send(.editData(.undoAll))
        session.send(.editData(.add(x: 1, y: 1)))
        waitFor(session, "the step limit") { $0.status == .maxSteps }
        // The last edits may land after the step limit (on a fast machine): the snapshot is taken once they have.
        session.waitUntilIdle()
        let snapshot = session.snapshot()
        XCTAssertEqual(snapshot.status, .maxSteps)

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("descent-edit-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let recorder = try SessionRecorder(path: path, setup: setup)
        try recorder.finish(session: session)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("\"editData\""), text)
        let recording = try SessionRecording.load(path: path)
        XCTAssertEqual(recording.commands, session.appliedCommands())
        let replayed = try recording.replay(on: try recording.setup.data.load())
        XCTAssertEqual(replayed.step, snapshot.step)
        XCTAssertEqual(replayed.train.rowCount, session.train.rowCount)
        XCTAssertEqual(replayed.train.y.map(\.bitPattern), session.train.y.map(\.bitPattern))
        XCTAssertEqual(replayed.model.weights.map(\.bitPattern), snapshot.weights.map(\.bitPattern))
        XCTAssertEqual(replayed.model.intercept?.bitPattern, snapshot.intercept?.bitPattern)
        XCTAssertEqual(replayed.dataEditSteps, snapshot.dataEditSteps)
    }

    func testEditedRowsExportAsACSVThatLoadsBack() throws {
        for degree in [1, 2] {
            var run = try lineRun(poly: degree)
            run.edit(.addOutlier)
            run.edit(.move(row: 0, x: 0.1 + 0.2, y: 1.0 / 3))
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("descent-edit-\(UUID().uuidString).csv").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let text = run.train.csvText()
            XCTAssertTrue(text.hasPrefix("x,y\n"), String(text.prefix(20)))
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let read = try DataSpecification(source: .csv(path: path), polynomialDegree: degree).load().train
            XCTAssertEqual(read.rowCount, run.train.rowCount)
            XCTAssertEqual(read.x.map(\.bitPattern), run.train.x.map(\.bitPattern))
            XCTAssertEqual(read.y.map(\.bitPattern), run.train.y.map(\.bitPattern))
        }
    }
}

extension DataEditTests {
    func testAnExportOfAnEditedSessionWritesItsPointsAndAnUneditedOneDoesNot() throws {
        let setup = SessionSetup(data: DataSpecification(source: .builtin(.line), synthetic: .init(rows: 20)))
        let session = setup.makeSession(try setup.data.load())
        defer { session.shutdown() }
        session.step()
        session.waitUntilIdle()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-edit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = directory.appendingPathComponent("plain").path
        let written = try RunExport(session: session, setup: setup).write(prefix: plain)
        XCTAssertFalse(written.contains(RunExport.dataPath(prefix: plain)))
        XCTAssertFalse(FileManager.default.fileExists(atPath: RunExport.dataPath(prefix: plain)))

        session.send(.editData(.addOutlier))
        session.send(.editData(.remove(row: 4)))
        session.waitUntilIdle()
        let edited = directory.appendingPathComponent("edited").path
        let files = try RunExport(session: session, setup: setup).write(prefix: edited)
        XCTAssertTrue(files.contains(RunExport.dataPath(prefix: edited)))
        let read = try DataSpecification(source: .csv(path: RunExport.dataPath(prefix: edited))).load().train
        XCTAssertEqual(read.x.map(\.bitPattern), session.train.x.map(\.bitPattern))
        XCTAssertEqual(read.y.map(\.bitPattern), session.train.y.map(\.bitPattern))
        XCTAssertEqual(read.rowCount, 20)
    }
}

/// The edits through the built binary: `fit --replay` of a recording with edits, its export, and the export read back.
final class DataEditCommandTests: XCTestCase {
}
