// Each loss scaling trains exactly as the plain loop w ← w − η·∇J written from its own formula, and its bound scales.
import XCTest
@testable import Engine

final class LossScalingTests: XCTestCase {
    private func diabetes() throws -> Dataset {
        try DataSpecification(source: .builtin(.diabetes)).load().train
    }

    /// J's data-term factor c in J = c·Σr², written out from the formulas (not from LossScaling).
    private func coefficient(_ loss: LossScaling, rows n: Int) -> Double {
        switch loss {
        case .mse: return 1 / Double(n)
        case .halfMSE: return 1 / (2 * Double(n))
        case .sse: return 1
        case .halfSSE: return 0.5
        }
    }

    func testGradientDescentIsThePlainLoopOfEachFormula() throws {
        let data = try diabetes()
        let n = data.rowCount, d = data.featureCount
        for loss in LossScaling.allCases {
            for l2 in [0.0, 0.003] {
                var h = Hyperparameters(method: .gd, learningRate: 1, l2: l2, loss: loss)
                var probe = TrainingRun(train: data, hyperparameters: h, standardize: false)
                // Half the stable rate of this J: a rate that means something for this scaling.
                h.learningRate = 0.5 * probe.largestStableLearningRate()
                var run = TrainingRun(train: data, hyperparameters: h, standardize: false)
                var w = [Double](repeating: 0, count: d), b = 0.0
                let c = coefficient(loss, rows: n)
                for step in 0..<100 {
                    // J = c·Σ(x·w + b − y)² + α‖w‖²: ∇w = 2c·Xᵀr + 2αw, ∇b = 2c·Σr.
                    var gw = [Double](repeating: 0, count: d), gb = 0.0, sse = 0.0
                    for i in 0..<n {
                        var r = b - data.y[i]
                        for j in 0..<d { r += data.x[i * d + j] * w[j] }
                        for j in 0..<d { gw[j] += 2 * c * data.x[i * d + j] * r }
                        gb += 2 * c * r
                        sse += r * r
                    }
                    var squares = 0.0
                    for j in 0..<d { squares += w[j] * w[j] }
                    for j in 0..<d { w[j] -= h.learningRate * (gw[j] + 2 * l2 * w[j]) }
                    b -= h.learningRate * gb
                    XCTAssertTrue(run.takeStep())
                    // The history entry of this step is J of the weights before it (c·Σr² + α‖w‖²).
                    XCTAssertEqual(run.trainHistory.last?.step, step)
                    let j = c * sse + l2 * squares
                    XCTAssertEqual(run.trainHistory.last!.loss, j, accuracy: 1e-12 * j, "\(loss) step \(step)")
                }
                let model = run.model
                for j in 0..<d {
                    XCTAssertEqual(model.weights[j], w[j], accuracy: 1e-12 * max(1, abs(w[j])), "\(loss) α \(l2) w\(j)")
                }
                XCTAssertEqual(model.intercept!, b, accuracy: 1e-12 * max(1, abs(b)), "\(loss) α \(l2) b")
            }
        }
    }

    func testStabilityBoundScalesByTheMultipleOfMSE() throws {
        let data = try diabetes()
        let n = Double(data.rowCount)
        var mse = TrainingRun(train: data, hyperparameters: Hyperparameters(loss: .mse), standardize: false)
        let reference = mse.largestStableLearningRate()
        // J = k·MSE: the Hessian is k times larger, the bound k times smaller.
        let expected: [LossScaling: Double] = [.mse: 1, .halfMSE: 0.5, .sse: n, .halfSSE: n / 2]
        for (loss, k) in expected {
            var run = TrainingRun(train: data, hyperparameters: Hyperparameters(loss: loss), standardize: false)
            let bound = run.largestStableLearningRate()
            XCTAssertEqual(reference / bound, k, accuracy: 4 * k.ulp, "\(loss)")
        }
        // With a penalty J = k·MSE + α‖w‖² is k·(MSE + (α/k)‖w‖²): the MSE bound at α/k, divided by k.
        var penalised = TrainingRun(
            train: data, hyperparameters: Hyperparameters(l2: 0.5, loss: .sse), standardize: false)
        var atScaledPenalty = TrainingRun(
            train: data, hyperparameters: Hyperparameters(l2: 0.5 / n, loss: .mse), standardize: false)
        XCTAssertEqual(
            atScaledPenalty.largestStableLearningRate() / penalised.largestStableLearningRate(), n, accuracy: 1e-9 * n)
        XCTAssertNotEqual(
            atScaledPenalty.largestStableLearningRate(), mse.largestStableLearningRate())
    }

    func testMiniBatchUsesTheBatchForNAndTheClosedFormFollows() throws {
        let data = try diabetes()
        // SSE on a batch of one row: the per-sample gradient 2·x·r, as a from-scratch SGD loop writes it.
        var run = TrainingRun(
            train: data, hyperparameters: Hyperparameters(method: .sgd, learningRate: 0.01, loss: .sse), standardize: false)
        var order = RowSchedule(rowCount: data.rowCount, seed: 0)
        let row = order.nextBatch(size: 1).first!
        run.takeStep()
        let d = data.featureCount
        let r = -data.y[row]
        for j in 0..<d {
            let expected = -0.01 * 2 * data.x[row * d + j] * r
            XCTAssertEqual(run.model.weights[j], expected, accuracy: 1e-14 * abs(expected))
        }
        // The optimum of k·MSE + α‖w‖² is that of MSE + (α/k)‖w‖²; its loss line is k·MSE*.
        let n = Double(data.rowCount)
        let sse = try ClosedFormComparison.solve(
            train: data, test: nil, fitIntercept: true, l2: 0.2, standardized: true, loss: .halfSSE)
        let mse = try ClosedFormComparison.solve(
            train: data, test: nil, fitIntercept: true, l2: 0.2 / (n / 2), standardized: true)
        for j in 0..<d { XCTAssertEqual(sse.weights[j], mse.weights[j], accuracy: 1e-9 * max(1, abs(mse.weights[j]))) }
        XCTAssertEqual(sse.trainLoss, n / 2 * mse.trainLoss, accuracy: 1e-9 * n * mse.trainLoss)
    }

    func testLossChangeRestartsTheDivergenceReference() throws {
        var spec = DataSpecification(source: .builtin(.synthetic))
        spec.synthetic.rows = 1_100_000
        spec.synthetic.features = 1
        let data = try spec.load().train
        // From MSE to SSE the loss jumps n-fold (over the million-fold divergence test) without diverging.
        var run = TrainingRun(train: data, hyperparameters: Hyperparameters(learningRate: 0.1), standardize: true)
        for _ in 0..<5 { run.takeStep() }
        var h = run.hyperparameters
        h.loss = .sse
        h.learningRate = 0.1 / Double(data.rowCount)
        run.setHyperparameters(h)
        for _ in 0..<5 { XCTAssertTrue(run.takeStep()) }
        XCTAssertNil(run.outcome)
    }

    func testHyperparametersDecodeWithoutTheLossKey() throws {
        let old = #"{"method":"gd","update":"plain","learningRate":0.1,"batchSize":32,"l2":0,"momentum":0.9}"#
        let decoded = try JSONDecoder().decode(Hyperparameters.self, from: Data(old.utf8))
        XCTAssertEqual(decoded.loss, .mse)
        let encoded = String(decoding: try JSONEncoder().encode(Hyperparameters(loss: .halfMSE)), as: UTF8.self)
        XCTAssertTrue(encoded.contains(#""loss":"half-mse""#))
        XCTAssertEqual(try JSONDecoder().decode(Hyperparameters.self, from: Data(encoded.utf8)).loss, .halfMSE)
    }
}
