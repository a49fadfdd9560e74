// The update rules against their formulas written out (PyTorch's conventions), 50 full-batch steps on diabetes.
import Engine
import Foundation
import XCTest

/// docs/math.md states the rules as PyTorch's `torch.optim.SGD` (momentum, nesterov) and `torch.optim.Adam`
/// compute them. This test runs Descent's `TrainingRun` and a plain loop of those formulas side by side, on
/// the z-scored diabetes data, and compares every parameter after each of 50 steps.
final class UpdateRuleReferenceTests: XCTestCase {
    /// The reference: z-scores, the MSE gradient summed in Float80, then the rule exactly as written in math.md.
    private struct Reference {
        let n: Int, d: Int
        var z: [Double]
        let y: [Double]
        let means: [Double], sds: [Double]
        var theta: [Double]  // w (z-score units) then b
        var v: [Double], m: [Double], s: [Double]
        var t = 0

        init(data: Dataset) {
            n = data.rowCount
            d = data.featureCount
            y = data.y
            var means = [Double](repeating: 0, count: d), sds = [Double](repeating: 0, count: d)
            for j in 0..<d {
                for i in 0..<n { means[j] += data.x[i * d + j] }
                means[j] /= Double(n)
                for i in 0..<n { sds[j] += (data.x[i * d + j] - means[j]) * (data.x[i * d + j] - means[j]) }
                sds[j] = (sds[j] / Double(n)).squareRoot()
            }
            let d = self.d
            z = (0..<(data.rowCount * d)).map { k in (data.x[k] - means[k % d]) * (1 / sds[k % d]) }
            self.means = means
            self.sds = sds
            theta = .init(repeating: 0, count: d + 1)
            v = theta
            m = theta
            s = theta
        }

        /// g = (2/n)·[Zᵀr; Σr] + 2α[w; 0], r = Zw + b − y.
        func gradient(l2: Double) -> [Double] {
            var g = [Float80](repeating: 0, count: d + 1)
            for i in 0..<n {
                var prediction = Float80(theta[d])
                for j in 0..<d { prediction += Float80(z[i * d + j]) * Float80(theta[j]) }
                let r = prediction - Float80(y[i])
                for j in 0..<d { g[j] += Float80(z[i * d + j]) * r }
                g[d] += r
            }
            return (0...d).map { j in Double(2 * g[j] / Float80(n)) + (j < d ? 2 * l2 * theta[j] : 0) }
        }

        mutating func step(_ rule: UpdateRule, eta: Double, beta: Double, l2: Double) {
            let g = gradient(l2: l2)
            t += 1
            for j in 0...d {
                switch rule {
                case .plain:
                    theta[j] -= eta * g[j]
                case .momentum:  // v ← βv + g, w ← w − ηv
                    v[j] = beta * v[j] + g[j]
                    theta[j] -= eta * v[j]
                case .nesterov:  // v ← βv + g, w ← w − η(g + βv)
                    v[j] = beta * v[j] + g[j]
                    theta[j] -= eta * (g[j] + beta * v[j])
                case .adam:  // β1 0.9, β2 0.999, bias-corrected, ε 1e-8 outside the square root
                    m[j] = 0.9 * m[j] + 0.1 * g[j]
                    s[j] = 0.999 * s[j] + 0.001 * g[j] * g[j]
                    let mHat = m[j] / (1 - pow(0.9, Double(t))), sHat = s[j] / (1 - pow(0.999, Double(t)))
                    theta[j] -= eta * mHat / (sHat.squareRoot() + 1e-8)
                }
            }
        }

        /// w and b in the data's units: w_j / sd_j, and b − Σ w_j·mean_j / sd_j.
        var dataUnits: [Double] {
            var b = theta[d]
            var w = [Double](repeating: 0, count: d)
            for j in 0..<d {
                w[j] = theta[j] / sds[j]
                b -= w[j] * means[j]
            }
            return w + [b]
        }
    }

    /// Largest |run − reference| over all parameters and steps, relative to the parameter's size (≥ 1).
    private func largestDifference(_ rule: UpdateRule, eta: Double, l2: Double = 0) throws -> Double {
        let setup = SessionSetup(
            data: .init(source: .builtin(.diabetes)),
            hyperparameters: .init(method: .gd, update: rule, learningRate: eta, l2: l2, momentum: 0.9),
            stop: .init(steps: 50, tolerance: 0))
        let loaded = try setup.data.load()
        var run = setup.makeRun(loaded)
        XCTAssertTrue(run.standardized)
        var reference = Reference(data: loaded.train)
        var worst = 0.0
        for _ in 0..<50 {
            run.takeStep()
            reference.step(rule, eta: eta, beta: 0.9, l2: l2)
            let model = run.model
            for (a, b) in zip(model.weights + [model.intercept!], reference.dataUnits) {
                worst = max(worst, abs(a - b) / max(1, abs(b)))
            }
        }
        XCTAssertEqual(run.step, 50)
        return worst
    }

    func testEveryRuleMatchesItsFormulaOver50Steps() throws {
        for (rule, eta) in [(UpdateRule.plain, 0.1), (.momentum, 0.02), (.nesterov, 0.02), (.adam, 0.5)] {
            let difference = try largestDifference(rule, eta: eta)
            print("update rule \(rule.rawValue): largest relative difference over 50 steps \(difference)")
            XCTAssertLessThan(difference, 5e-14, "\(rule)")
        }
    }

    func testTheL2PenaltyIsOnTheZScoreWeightsWhenStandardized() throws {
        let difference = try largestDifference(.plain, eta: 0.1, l2: 0.5)
        print("plain with l2 0.5: largest relative difference over 50 steps \(difference)")
        XCTAssertLessThan(difference, 5e-14)
    }
}
