// The result of `descent fit`, printed as a table for people or as one JSON object.
import Engine
import Foundation

/// Everything `fit` reports: the run's `RunResult` (the fields the export's JSON shares), and for the closed
/// form its diagnostics; coefficients are in the data's own units.
struct FitReport: Encodable {
    struct ClosedFormDiagnostics {
        var rank: Int
        var singularValues: [Double]
        var conditionNumber: Double
        var residualStandardDeviation: Double
        var normalEquationRelativeDistance: Double?
        var warnings: [String]
    }

    var result: RunResult
    /// e.g. "plain, lr 0.1, standardized" (empty for the closed form).
    var settings: String
    var trainRows: Int
    var testRows: Int?
    var closedForm: ClosedFormDiagnostics?
    var history: [(step: Int, loss: Double)]?

    private enum CodingKeys: String, CodingKey {
        case rank, warnings, history
        case singularValues = "singular_values", conditionNumber = "condition_number"
        case residualStandardDeviation = "residual_standard_deviation"
        case normalEquationRelativeDistance = "normal_equation_relative_distance"
    }

    /// One JSON object: the result's fields, then the closed form's diagnostics and `--history` ([step, loss] pairs).
    func encode(to encoder: any Encoder) throws {
        try result.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let closedForm {
            try c.encode(closedForm.rank, forKey: .rank)
            try c.encode(closedForm.singularValues, forKey: .singularValues)
            try c.encode(closedForm.conditionNumber, forKey: .conditionNumber)
            try c.encode(closedForm.residualStandardDeviation, forKey: .residualStandardDeviation)
            try c.encode(closedForm.normalEquationRelativeDistance, forKey: .normalEquationRelativeDistance)
            try c.encode(closedForm.warnings, forKey: .warnings)
        }
        if let history {
            var pairs = c.nestedUnkeyedContainer(forKey: .history)
            for point in history {
                var pair = pairs.nestedUnkeyedContainer()
                try pair.encode(point.step)
                try pair.encode(point.loss)
            }
        }
    }

    /// A short table: what ran, how it ended, coefficients, metrics.
    var text: String {
        let r = result
        var lines: [String] = []
        let testPart = testRows.map { ", \($0) test rows" } ?? ""
        lines.append("\(r.method)\(settings.isEmpty ? "" : " (\(settings))") on \(r.dataset): \(trainRows) training rows\(testPart)")
        switch r.status {
        case .solved: lines.append("status: solved")
        default:
            lines.append("status: \(r.status.rawValue) after \(r.steps) step\(r.steps == 1 ? "" : "s") (\(FitReport.format(r.epochs)) epochs)"
                + (r.message.map { ": \($0)" } ?? ""))
        }
        lines.append("")
        let names = (r.intercept == nil ? [] : ["(intercept)"]) + r.features
        let values = (r.intercept.map { [$0] } ?? []) + r.coefficients
        let width = max(11, names.map(\.count).max() ?? 0) + 2
        lines.append(pad("", width) + "  coefficient")
        for (name, value) in zip(names, values) { lines.append(pad(name, width) + "  " + FitReport.format(value)) }
        lines.append("")
        lines.append(pad("", 6) + pad("train", 14) + (r.test == nil ? "" : "test"))
        let rows: [(String, (RunResult.Metrics) -> Double)] = [("MSE", \.mse), ("RMSE", \.rmse), ("R²", \.r2)]
        for (label, value) in rows {
            lines.append(pad(label, 6) + pad(FitReport.format(value(r.train)), 14) + (r.test.map { FitReport.format(value($0)) } ?? ""))
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
        if let objective = r.objective, r.loss != .mse { lines.append("J = \(r.loss.formula) = \(FitReport.format(objective))") }
        lines.append("largest stable learning rate for full-batch GD: \(FitReport.format(r.largestStableLearningRate))")
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
