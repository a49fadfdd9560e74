// Loads a NIST StRD linear-regression data set (CSV + certified values) from the test bundle.
import Foundation
import LeastSquares

/// One NIST StRD data set: the data, the model, and the certified values (parameters in NIST's order).
struct NISTDataSet {
    let name: String
    let target: [Double]
    /// Row-major predictors (one column for the polynomial sets, six for Longley).
    let predictors: [Double]
    let predictorCount: Int
    let degree: Int
    let intercept: Bool
    let certifiedParameters: [Double]
    let certifiedResidualSD: Double
    let certifiedRSquared: Double

    static let names = [
        "Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley",
        "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5",
    ]

    init(named name: String) throws {
        let folder = Bundle.module.url(forResource: "NIST", withExtension: nil)!
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("certified.json")))
        let entry = (json as! [String: Any])[name] as! [String: Any]
        let model = entry["model"] as! [String: Any]
        let parameters = entry["parameters"] as! [[String: Any]]
        self.name = name
        degree = model["polynomial_degree"] as? Int ?? 1
        intercept = model["intercept"] as! Bool
        certifiedParameters = parameters.map { Double($0["estimate"] as! String)! }
        certifiedResidualSD = Double(entry["residual_standard_deviation"] as! String)!
        certifiedRSquared = Double(entry["r_squared"] as! String)!

        let text = try String(contentsOf: folder.appendingPathComponent("\(name).csv"), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        predictorCount = lines[0].split(separator: ",").count - 1
        var target = [Double](), predictors = [Double]()
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces))! }
            target.append(fields[0])
            predictors += fields.dropFirst()
        }
        self.target = target
        self.predictors = predictors
    }

    /// The problem as Descent poses it: powers formed inside the solver for the polynomial sets.
    var problem: LeastSquaresProblem {
        let columns: DesignColumns = predictorCount == 1
            ? .polynomial(base: predictors, baseCount: 1, degree: degree)
            : .matrix(predictors)
        return LeastSquaresProblem(rowCount: target.count, columns: columns, target: target, fitIntercept: intercept)
    }
}
