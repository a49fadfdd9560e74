// Each update rule's stability bound is where the rule as implemented really starts to blow up on a quadratic.
import XCTest
@testable import Engine

final class UpdateRuleStabilityTests: XCTestCase {
    /// Runs `rule` on f(w) = λ/2·w² (gradient λw) from w = 1 for 4000 steps; returns |w| at the end.
    private func finalDistance(_ rule: UpdateRule, rate: Double, beta: Double, lambda: Double = 1) -> Double {
        var state = UpdateState(count: 1)
        var w = [1.0]
        for _ in 0..<4000 {
            state.apply(rule, gradient: [lambda * w[0]], to: &w, updated: 1, learningRate: rate, momentum: beta)
        }
        return abs(w[0])
    }

    func testBoundsMatchTheRulesAsImplemented() {
        for beta in [0.0, 0.5, 0.9] {
            for rule in [UpdateRule.plain, .momentum, .nesterov] {
                let h = Hyperparameters(update: rule, momentum: beta)
                guard let bound = h.stability(fullBatchBound: 2).rate else { return XCTFail("\(rule) has a bound") }
                XCTAssertLessThan(finalDistance(rule, rate: 0.98 * bound, beta: beta), 1, "\(rule) β=\(beta) just below \(bound)")
                XCTAssertFalse(finalDistance(rule, rate: 1.02 * bound, beta: beta) < 1e6, "\(rule) β=\(beta) just above \(bound)")
            }
        }
        XCTAssertEqual(Hyperparameters(update: .momentum, momentum: 0.9).stability(fullBatchBound: 1).rate!, 1.9, accuracy: 1e-12)
        XCTAssertEqual(Hyperparameters(update: .nesterov, momentum: 0.9).stability(fullBatchBound: 1).rate!, 1.9 / 2.8, accuracy: 1e-12)
        XCTAssertEqual(Hyperparameters(update: .adam).stability(fullBatchBound: 1), .noFixedBound)
    }

    func testExplanationNamesTheRulesBound() {
        let momentum = DivergenceExplanation(learningRate: 1.5, largestStableLearningRate: 1, method: .gd, update: .momentum, momentum: 0.9)
        XCTAssertFalse(momentum.isAboveBound, "1.5 < 2(1+β)/λmax = 1.9")
        XCTAssertTrue(momentum.text.contains("2(1+β)/λmax = 1.9"), momentum.text)
        let adam = DivergenceExplanation(learningRate: 5, largestStableLearningRate: 1, method: .gd, update: .adam, momentum: 0.9)
        XCTAssertFalse(adam.isAboveBound)
        XCTAssertTrue(adam.text.contains("no fixed bound"), adam.text)
        let sgd = DivergenceExplanation(learningRate: 0.5, largestStableLearningRate: 1, method: .sgd)
        XCTAssertTrue(sgd.text.contains("full-batch bound") && sgd.text.contains("guide"), sgd.text)
    }
}
