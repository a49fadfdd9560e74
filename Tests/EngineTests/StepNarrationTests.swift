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
        XCTAssertTrue(text[0].hasPrefix("step 1: minibatch, |B| = 4, sampled rows "), text[0])
        XCTAssertTrue(text.contains("η = 0.1"))
        XCTAssertTrue(text.contains { $0.hasPrefix("old: x1 0, x2 0, b 0, …") }, "\(text)")
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

    /// The numbers after "name " in the narration line starting with `prefix`, by name.
    private func printed(_ lines: [String], _ prefix: String) throws -> [(name: String, text: String)] {
        let line = try XCTUnwrap(lines.first { $0.hasPrefix(prefix) }, "no line \(prefix) in \(lines)")
        let body = line.split(separator: ":", maxSplits: 1)[1]
        return body.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0 != "…" }.map { part in
            let pieces = part.split(separator: " ")
            return (String(pieces[0]), String(pieces[1]))
        }
    }

    /// Significant digits written in a %g number ("-1.2300e-05" has 5).
    private func significantDigits(_ text: String) -> Int {
        let mantissa = text.split(separator: "e")[0].filter(\.isNumber)
        return max(1, mantissa.drop { $0 == "0" }.count)
    }

    /// `text` is `value` to the precision it is written with (half a unit of its last digit).
    private func assertPrinted(_ text: String, is value: Double, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let shown = Double(text) else { return XCTFail("\(text) is not a number (\(message))", file: file, line: line) }
        let digits = significantDigits(text)
        let unit = value == 0 ? 0 : pow(10, floor(log10(abs(value))) - Double(digits - 1))
        XCTAssertLessThanOrEqual(abs(shown - value), 0.5 * unit * (1 + 1e-9) + 1e-300, "\(message): printed \(text), took \(value)", file: file, line: line)
    }

    /// Raw features of very different sizes (as Longley's): tiny steps relative to the weights.
    private func mixedUnits(rows: Int = 30) -> Dataset {
        var x: [Double] = [], y: [Double] = []
        for i in 0..<rows {
            let a = 1000 + 37 * Double(i % 7) + Double(i), c = 0.001 * Double((i * 13) % 11)
            x += [a, c]
            y.append(60_000 + 3 * a - 2000 * c + Double((i * 5) % 3))
        }
        return Dataset(name: "mixed", featureNames: ["gnp", "rate"], targetName: "y", x: x, y: y)
    }

    func testNarratedNewModelIsTheStepTakenToThePrintedDigitsForEveryRule() throws {
        let cases: [(UpdateRule, Bool, Double)] = [
            (.plain, false, 1e-7), (.momentum, false, 1e-7), (.nesterov, false, 1e-7), (.adam, false, 0.5),
            (.plain, true, 0.05), (.momentum, true, 0.05), (.nesterov, true, 0.05), (.adam, true, 0.05),
        ]
        for (update, standardize, rate) in cases {
            let label = "\(update) standardize \(standardize)"
            var run = TrainingRun(
                train: mixedUnits(), hyperparameters: .init(method: .gd, update: update, learningRate: rate), standardize: standardize)
            for _ in 0..<5 {
                let narration = run.narrateNextStep(rowLimit: 2)
                let text = narration.lines(components: 2)
                let old = try printed(text, "old"), new = try printed(text, "new")
                XCTAssertEqual(old.map(\.name), ["gnp", "rate", "b"], label)
                let before = run.model
                run.takeStep()
                let after = run.model
                let took = after.weights + [after.intercept!], had = before.weights + [before.intercept!]
                for j in 0..<3 {
                    assertPrinted(new[j].text, is: took[j], "\(label) new \(new[j].name)")
                    assertPrinted(old[j].text, is: had[j], "\(label) old \(old[j].name)")
                    if took[j] != had[j] {
                        XCTAssertNotEqual(old[j].text, new[j].text, "\(label): \(old[j].name) changed, so old and new must read differently")
                    }
                }
            }
        }
    }

    func testNarrationIsInDataUnitsAndNamesTheRowsOfTheStep() throws {
        let data = mixedUnits()
        let gd = TrainingRun(train: data, hyperparameters: .init(method: .gd, learningRate: 0.05)).narrateNextStep(rowLimit: 3)
        let text = gd.lines(components: 2)
        XCTAssertEqual(text[0], "step 1: gd on all 30 rows (full batch), the first 3:")
        XCTAssertTrue(text[1].hasPrefix("  row 0: x (1000, 0)  ŷ 0 − y 63000 = r -63000"), text[1])
        XCTAssertTrue(text.contains { $0.hasPrefix("∇ (z): ") })
        XCTAssertTrue(text.contains { $0.hasPrefix("old: gnp 0, rate 0, b 0") }, "\(text)")

        var sgd = TrainingRun(train: data, hyperparameters: .init(method: .sgd, learningRate: 0.01), standardize: false, seed: 3)
        sgd.takeStep()
        let narration = sgd.narrateNextStep()
        let row = try XCTUnwrap(narration.rows.first)
        XCTAssertEqual(narration.batch, [row.index])
        XCTAssertEqual(row.x, [data.x[2 * row.index], data.x[2 * row.index + 1]], "the sampled row's features in data units")
        let model = sgd.model
        XCTAssertEqual(row.prediction, model.intercept! + model.weights[0] * row.x[0] + model.weights[1] * row.x[1], accuracy: 1e-9)
        XCTAssertTrue(narration.lines()[0].hasSuffix("|B| = 1, sampled row \(row.index)"), narration.lines()[0])
        XCTAssertFalse(narration.lines().contains { $0.contains("(z)") }, "raw data has one unit system")
    }

    func testAdamNarrationShowsTheBiasCorrectedMomentsTheStepUses() throws {
        var run = TrainingRun(train: mixedUnits(), hyperparameters: .init(method: .gd, update: .adam, learningRate: 0.1))
        for t in 1...4 {
            let narration = run.narrateNextStep()
            let adam = try XCTUnwrap(narration.adam)
            XCTAssertEqual(adam.t, t)
            XCTAssertTrue(narration.formula.contains("m̂ = m/(1−β₁^\(t)),  ŝ = s/(1−β₂^\(t)),  w ← w − η·m̂/(√ŝ + ε)"), "\(narration.formula)")
            for j in 0...2 {
                let expected = narration.oldParameters[j] - 0.1 * adam.firstCorrected[j] / (adam.secondCorrected[j].squareRoot() + 1e-8)
                XCTAssertEqual(narration.newParameters[j], expected, accuracy: 1e-14 * max(1, abs(expected)), "component \(j) at t = \(t)")
            }
            if t == 1 {
                // At t = 1 the corrected moments are the gradient and its square: the step is η·sign(∇).
                for j in 0...2 { XCTAssertEqual(adam.firstCorrected[j], narration.gradient[j], accuracy: 1e-12 * abs(narration.gradient[j])) }
            }
            let lines = narration.lines()
            XCTAssertTrue(lines.contains { $0.hasPrefix("m̂ (z): ") } && lines.contains { $0.hasPrefix("ŝ (z): ") }, "\(lines)")
            run.takeStep()
        }
    }
}

