// `descent race --headless --json`: each contestant's final state as one JSON object.
import Engine

/// The data set and, per contestant, its settings and where it ended (absent values as `null`).
struct RaceReport: Encodable {
    struct Contestant: Encodable {
        var label: String
        var method: TrainingMethod
        var update: UpdateRule
        var lr: Double
        var steps: Int
        var status: TrainingStatus
        var trainMSE: Double
        var testMSE: Double?
        var coefficients: [Double]
        var intercept: Double?

        private enum CodingKeys: String, CodingKey {
            case label, method, update, lr, steps, status, coefficients, intercept
            case trainMSE = "train_mse", testMSE = "test_mse"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(label, forKey: .label)
            try c.encode(method, forKey: .method)
            try c.encode(update, forKey: .update)
            try c.encode(lr, forKey: .lr)
            try c.encode(steps, forKey: .steps)
            try c.encode(status, forKey: .status)
            try c.encode(trainMSE, forKey: .trainMSE)
            try c.encode(testMSE, forKey: .testMSE)
            try c.encode(coefficients, forKey: .coefficients)
            try c.encode(intercept, forKey: .intercept)
        }
    }

    var dataset: String
    var contestants: [Contestant]
}
