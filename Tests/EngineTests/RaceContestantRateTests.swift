// Each race contestant's default rate follows its own rule: half the update rule's bound, or Adam's distance a step.
import Engine
import XCTest

final class RaceContestantRateTests: XCTestCase {
    func testTheGDFamilyStartsAtHalfItsRulesBoundAndAdamAtTheTargetsScale() throws {
        let train = try DataSpecification(source: .builtin(.diabetes)).load().train
        var probe = TrainingRun(train: train)
        let bound = probe.largestStableLearningRate()
        let race = RaceSession(train: train, extras: [.momentum, .nesterov, .adam])
        defer { race.shutdown() }
        let rates = Dictionary(uniqueKeysWithValues: race.contestants.map { ($0.optionName, $0.hyperparameters.learningRate) })
        let beta = Hyperparameters().momentum
        XCTAssertEqual(race.contestants.map(\.optionName), ["gd", "sgd", "minibatch", "momentum", "nesterov", "adam"])
        XCTAssertEqual(rates["gd"]!, 0.5 * bound, accuracy: 1e-12 * bound)
        XCTAssertEqual(rates["momentum"]!, 0.5 * 2 * (1 + beta) / 2 * bound, accuracy: 1e-12 * bound)
        XCTAssertEqual(rates["nesterov"]!, 0.5 * (1 + beta) / (1 + 2 * beta) * bound, accuracy: 1e-12 * bound)
        XCTAssertEqual(rates["minibatch"]!, 0.25 * bound, accuracy: 1e-12 * bound)
        XCTAssertEqual(rates["sgd"]!, 0.05 * bound, accuracy: 1e-12 * bound)
        // Diabetes: ȳ = 152.13 is larger than σ_y = 77.0, so Adam takes 1.52 a step.
        let mean = train.y.reduce(0, +) / Double(train.rowCount)
        XCTAssertEqual(rates["adam"]!, mean / 100, accuracy: 1e-12)
        XCTAssertEqual(rates["adam"]!, 1.5213, accuracy: 1e-4)
        // Every one of them is below its rule's bound, and none diverges in the race's 1000 steps.
        for contestant in race.contestants {
            if let limit = contestant.hyperparameters.stability(fullBatchBound: bound).rate {
                XCTAssertLessThan(contestant.hyperparameters.learningRate, limit, contestant.label)
            }
        }
    }

    func testWithoutAnInterceptAdamsScaleIsTheRootMeanSquareOfY() {
        let data = Dataset(name: "t", featureNames: ["x"], targetName: "y", x: [1, 2, 3, 4], y: [3, -4, 0, 0])
        XCTAssertEqual(RaceContestant.targetScale(of: data, fitIntercept: false), 2.5, accuracy: 1e-15)
        // ȳ = −0.25, σ_y² = (3.25² + 3.75² + 2·0.25²)/4 = 6.1875: σ_y is the larger.
        XCTAssertEqual(RaceContestant.targetScale(of: data, fitIntercept: true), (6.1875 as Double).squareRoot(), accuracy: 1e-15)
    }

    func testAContestantsOwnRateChangesOnlyItsSession() throws {
        let train = try DataSpecification(source: .builtin(.diabetes)).load().train
        let race = RaceSession(train: train, extras: [.adam])
        defer { race.shutdown() }
        var adam = race.contestants[3].hyperparameters
        adam.learningRate = 0.5
        race.send(.setHyperparameters(adam), to: 3)
        race.step()
        race.waitUntilIdle()
        let snapshots = race.snapshots()
        XCTAssertEqual(snapshots[3].hyperparameters.learningRate, 0.5)
        for index in 0..<3 {
            XCTAssertEqual(snapshots[index].hyperparameters.learningRate, race.contestants[index].hyperparameters.learningRate)
        }
    }
}
