// The result of `descent fit`, printed as a table for people or as one JSON object.
import Engine
import Foundation

/// Everything `fit` reports; coefficients are in the data's own units.
struct FitReport {
    struct ClosedFormDiagnostics {
        var rank: Int
        var singularValues: [Double]
        var conditionNumber: Double
        var residualStandardDeviation: Double
        var normalEquationRelativeDistance: Double?
        var warnings: [String]
    }

    var method: String
    /// e.g. "plain, lr 0.1, standardized" (empty for the closed form).
    var settings: String
    var dataset: String
    var trainRows: Int
    var testRows: Int?
    var features: [String]
    var coefficients: [Double]
    var intercept: Double?
    var train: RegressionMetrics
    var test: RegressionMetrics?
    var steps: Int
    var epochs: Double
    var status: TrainingStatus
    var message: String?
    var largestStableLearningRate: Double
    var closedForm: ClosedFormDiagnostics?
    var history: [(step: Int, loss: Double)]?
    /// The loss scaling J was minimised in, and J of the final weights (nil for the closed form).
    var loss: LossScaling = .mse
    var objective: Double?
    /// The schedule in force at the end and the rate the next step would take (nil for the closed form).
    var schedule: LearningRateSchedule?
    var finalLearningRate: Double?

    /// The schedule's name and the parameters it uses, as options and presets name them.
    static func json(_ s: LearningRateSchedule) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("name", .string(s.kind.rawValue))]
        switch s.kind {
        case .constant: break
        case .inverse: pairs.append(("decay", .number(s.decay)))
        case .invscaling: pairs.append(("power_t", .number(s.power)))
        case .step: pairs += [("gamma", .number(s.factor)), ("every", .number(s.every))]
        case .cosine: pairs += [("horizon", .int(s.horizon)), ("floor", .number(s.floor))]
        }
        return .object(pairs)
    }

    var json: JSONValue {
        func metrics(_ m: RegressionMetrics?) -> JSONValue {
            guard let m else { return .null }
            return .object([
                ("mse", .number(m.meanSquaredError)), ("rmse", .number(m.rootMeanSquaredError)), ("r2", .number(m.rSquared)),
            ])
        }
        var pairs: [(String, JSONValue)] = [
            ("method", .string(method)),
            ("dataset", .string(dataset)),
            ("features", .array(features.map { .string($0) })),
            ("coefficients", .numbers(coefficients)),
            ("intercept", .optional(intercept)),
            ("train", metrics(train)),
            ("test", metrics(test)),
            ("steps", .int(steps)),
            ("epochs", .number(epochs)),
            ("status", .string(status.rawValue)),
            ("message", message.map { .string($0) } ?? .null),
            ("lr_max_stable", .number(largestStableLearningRate)),
            ("loss", .string(loss.rawValue)),
            ("objective", .optional(objective)),
            ("schedule", schedule.map(FitReport.json) ?? .null),
            ("lr_final", .optional(finalLearningRate)),
        ]
        if let closedForm {
            pairs += [
                ("rank", .int(closedForm.rank)),
                ("singular_values", .numbers(closedForm.singularValues)),
                ("condition_number", .number(closedForm.conditionNumber)),
                ("residual_standard_deviation", .number(closedForm.residualStandardDeviation)),
                ("normal_equation_relative_distance", .optional(closedForm.normalEquationRelativeDistance)),
                ("warnings", .array(closedForm.warnings.map { .string($0) })),
            ]
        }
        if let history {
            pairs.append(("history", .array(history.map { .array([.int($0.step), .number($0.loss)]) })))
        }
        return .object(pairs)
    }

    /// A short table: what ran, how it ended, coefficients, metrics.
    var text: String {
        var lines: [String] = []
        let testPart = testRows.map { ", \($0) test rows" } ?? ""
        lines.append("\(method)\(settings.isEmpty ? "" : " (\(settings))") on \(dataset): \(trainRows) training rows\(testPart)")
        switch status {
        case .solved: lines.append("status: solved")
        default:
            lines.append("status: \(status.rawValue) after \(steps) step\(steps == 1 ? "" : "s") (\(FitReport.format(epochs)) epochs)"
                + (message.map { ": \($0)" } ?? ""))
        }
        lines.append("")
        let names = (intercept == nil ? [] : ["(intercept)"]) + features
        let values = (intercept.map { [$0] } ?? []) + coefficients
        let width = max(11, names.map(\.count).max() ?? 0) + 2
        lines.append(pad("", width) + "  coefficient")
        for (name, value) in zip(names, values) { lines.append(pad(name, width) + "  " + FitReport.format(value)) }
        lines.append("")
        lines.append(pad("", 6) + pad("train", 14) + (test == nil ? "" : "test"))
        let rows: [(String, (RegressionMetrics) -> Double)] = [
            ("MSE", \.meanSquaredError), ("RMSE", \.rootMeanSquaredError), ("R²", \.rSquared),
        ]
        for (label, value) in rows {
            lines.append(pad(label, 6) + pad(FitReport.format(value(train)), 14) + (test.map { FitReport.format(value($0)) } ?? ""))
        }
        lines.append("")
        if let closedForm {
            lines.append("rank \(closedForm.rank), condition number \(FitReport.format(closedForm.conditionNumber))")
            lines.append("singular values: " + closedForm.singularValues.map(FitReport.format).joined(separator: ", "))
            if let distance = closedForm.normalEquationRelativeDistance {
                lines.append("normal equation (XᵀX)⁻¹Xᵀy differs by \(FitReport.format(distance)) (relative)")
            }
            for warning in closedForm.warnings { lines.append("warning: \(warning)") }
        }
        if let objective, loss != .mse { lines.append("J = \(loss.formula) = \(FitReport.format(objective))") }
        lines.append("largest stable learning rate for full-batch GD: \(FitReport.format(largestStableLearningRate))")
        return lines.joined(separator: "\n")
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }

    /// Six significant digits for people (JSON has the exact values).
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "—" : (value > 0 ? "∞" : "−∞") }
        return String(format: "%.6g", value)
    }
}
