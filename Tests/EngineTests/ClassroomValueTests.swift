// The divergence explanation and the epoch axis: small values the UI draws from.
import XCTest
import Engine

final class ClassroomValueTests: XCTestCase {
    func testDivergenceExplanationNamesRateBoundAndWhy() {
        let above = DivergenceExplanation(learningRate: 2.4, largestStableLearningRate: 1.0)
        XCTAssertTrue(above.isAboveBound)
        XCTAssertEqual(above.text, "lr 2.4 > 2/λmax = 1.0: each step overshoots the valley's steepest direction, by more each time")
        XCTAssertEqual(DivergenceExplanation(learningRate: 0.5, largestStableLearningRate: 1).text,
            "lr 0.5 ≤ 2/λmax = 1.0: full-batch GD is stable at this rate")
        XCTAssertTrue(DivergenceExplanation(learningRate: 0.5, largestStableLearningRate: 1, method: .sgd).text.contains("larger batch"))
    }

    func testEpochAxisFromMethodAndFromObservedSteps() throws {
        XCTAssertEqual(EpochAxis(hyperparameters: .init(method: .gd), trainingRows: 100).stepsPerEpoch, 1)
        XCTAssertEqual(EpochAxis(hyperparameters: .init(method: .sgd), trainingRows: 100).stepsPerEpoch, 100)
        XCTAssertEqual(EpochAxis(hyperparameters: .init(method: .minibatch, batchSize: 32), trainingRows: 100).stepsPerEpoch, 4)
        let data = try wellConditioned(rows: 64, features: 2)
        let session = TrainingSession(train: data, hyperparameters: .init(method: .minibatch, learningRate: 0.01, batchSize: 16))
        defer { session.shutdown() }
        for _ in 0..<8 { session.step() }
        session.waitUntilIdle()
        let axis = session.epochAxis()
        XCTAssertEqual(axis.stepsPerEpoch, 4)
        XCTAssertEqual(axis.epoch(atStep: 8), 2)
        XCTAssertEqual(axis.step(atEpoch: 1.5), 6)
    }
}
