// Narrated steps: the numbers shown are the ones the step uses, and narrating does not move the run.
import XCTest
@testable import Engine

final class StepNarrationTests: XCTestCase {
    func testNarrationMatchesTheStepTakenAndTheFormula() throws {
        let data = try wellConditioned(rows: 40, features: 3)
        for method in TrainingMethod.allCases {
            var run = TrainingRun(
                train: data, hyperparameters: .init(method: method, learningRate: 0.05, batchSize: 8, l2: 0.1), seed: 5)
            for _ in 0..<7 { run.takeStep() }
            let narration = run.narrateNextStep(rowLimit: 3)
            XCTAssertEqual(narration.step, 7, "narrating does not move the run")
            XCTAssertEqual(run.step, 7)
            XCTAssertEqual(narration.batch.count, method == .gd ? 40 : (method == .sgd ? 1 : 8))
            XCTAssertEqual(narration.rows.count, min(3, narration.batch.count))

            // The gradient by the formula, from the batch rows the narration names.
            let design = run.trainingDesign, old = narration.oldParameters, d = 3
            var expected = [Double](repeating: 0, count: d + 1)
            for i in narration.batch {
                var r = old[d] - design.y[i]
                for j in 0..<d { r += design.value(row: i, column: j) * old[j] }
                for j in 0..<d { expected[j] += r * design.value(row: i, column: j) }
                expected[d] += r
            }
            for j in 0...d {
                expected[j] *= 2 / Double(narration.batch.count)
                if j < d { expected[j] += 2 * 0.1 * old[j] }
                XCTAssertEqual(narration.gradient[j], expected[j], accuracy: 1e-10 * max(1, abs(expected[j])))
                XCTAssertEqual(narration.newParameters[j], old[j] - 0.05 * narration.gradient[j], accuracy: 1e-12)
            }
            let row = narration.rows[0]
            XCTAssertEqual(row.residual, row.prediction - row.target)

            run.takeStep()
            XCTAssertEqual(run.trainingParameters.map(\.bitPattern), narration.newParameters.map(\.bitPattern))
            XCTAssertEqual(run.model.weights.map(\.bitPattern), narration.newModel.weights.map(\.bitPattern))
        }
    }

    func testFormulaAndTextNameTheRuleInForce() throws {
        let data = try wellConditioned(rows: 20, features: 5)
        let run = TrainingRun(train: data, hyperparameters: .init(method: .minibatch, update: .momentum, learningRate: 0.1, batchSize: 4))
        let narration = run.narrateNextStep()
        XCTAssertTrue(narration.formula.contains("∇w = (2/|B|)·X_Bᵀ r_B,  ∇b = (2/|B|)·Σ r_B"))
        XCTAssertTrue(narration.formula.contains("v ← β·v + ∇,  w ← w − η·v"))
        let text = narration.lines(components: 2)
        XCTAssertTrue(text[0].hasPrefix("step 1: minibatch, |B| = 4, rows "), text[0])
        XCTAssertTrue(text.contains("η = 0.1"))
        XCTAssertTrue(text.contains { $0.hasPrefix("old: x1 0.0, x2 0.0, b 0.0, …") }, "\(text)")
        let plain = TrainingRun(train: data, hyperparameters: .init(method: .gd, learningRate: 0.1)).narrateNextStep()
        XCTAssertTrue(plain.formula.contains("w ← w − η·∇w,  b ← b − η·∇b"))
    }

    func testSessionNarratesThenTakesExactlyThatStep() throws {
        let data = try wellConditioned(rows: 60, features: 2)
        let session = TrainingSession(train: data, hyperparameters: .init(method: .minibatch, learningRate: 0.05, batchSize: 5), seed: 9)
        defer { session.shutdown() }
        session.start()
        let first = try XCTUnwrap(session.narrateNextStep())
        let before = session.snapshot()
        XCTAssertEqual(before.status, .paused)
        XCTAssertEqual(first.step, before.step)
        XCTAssertEqual(first.oldModel.weights, before.weights)
        let second = try XCTUnwrap(session.stepNarrated())
        let after = session.snapshot()
        XCTAssertEqual(after.step, before.step + 1)
        XCTAssertEqual(after.weights.map(\.bitPattern), first.newModel.weights.map(\.bitPattern))
        XCTAssertEqual(second.step, after.step)
        XCTAssertEqual(second.oldParameters, first.newParameters)
        XCTAssertNotEqual(second.batch, first.batch, "the next mini-batch draws other rows")
    }
}
