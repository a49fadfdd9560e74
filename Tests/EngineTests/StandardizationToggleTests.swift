// Toggling standardization mid-run: the model's predictions stay, the stable rate changes.
import TestSupport
import XCTest
import Engine

final class StandardizationToggleTests: XCTestCase {
    func testToggleKeepsPredictionsAndChangesTheStableRate() throws {
        let data = try BuiltinDataset.diabetes.make(.init(), seed: 0)
        let session = TrainingSession(train: data, hyperparameters: .init(method: .gd, learningRate: 0.1))
        defer { session.shutdown() }
        for _ in 0..<20 { session.step() }
        session.waitUntilIdle()
        let before = session.snapshot()
        session.setStandardized(false)
        session.waitUntilIdle()
        let after = session.snapshot()
        XCTAssertTrue(before.standardized)
        XCTAssertFalse(after.standardized)
        XCTAssertEqual(after.step, before.step)
        for j in before.weights.indices {
            XCTAssertEqual(after.weights[j], before.weights[j], accuracy: 1e-9 * max(1, abs(before.weights[j])))
        }
        XCTAssertEqual(after.intercept!, before.intercept!, accuracy: 1e-9 * abs(before.intercept!))
        XCTAssertEqual(after.trainLoss, before.trainLoss, accuracy: 1e-9 * before.trainLoss)
        XCTAssertGreaterThan(before.largestStableLearningRate / after.largestStableLearningRate, 1000)
        session.requestClosedForm()
        waitFor(session, "the closed form") { $0.closedForm != nil }
        XCTAssertEqual(session.snapshot().closedForm?.largestStableLearningRate ?? 0, after.largestStableLearningRate,
            accuracy: 1e-9 * after.largestStableLearningRate)
        session.setStandardized(true)
        session.waitUntilIdle()
        XCTAssertEqual(session.snapshot().largestStableLearningRate, before.largestStableLearningRate)
    }
}
