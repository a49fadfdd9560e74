// `descent fit --path --json`: the regularization path as one JSON object.
import Engine

/// The path's data set, penalties and coefficients, largest penalty first; `entry_order` names the features in
/// the order their coefficients leave zero.
struct PathReport: Encodable {
    var dataset: String
    var features: [String]
    var l1Ratio: Double
    var loss: LossScaling
    var entryOrder: [String]
    var path: [RegularizationPath.Point]

    private enum CodingKeys: String, CodingKey {
        case dataset, features, loss, path
        case l1Ratio = "l1_ratio", entryOrder = "entry_order"
    }

    private enum PointKeys: String, CodingKey { case alpha, l1, l2, coefficients, intercept }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dataset, forKey: .dataset)
        try c.encode(features, forKey: .features)
        try c.encode(l1Ratio, forKey: .l1Ratio)
        try c.encode(loss, forKey: .loss)
        try c.encode(entryOrder, forKey: .entryOrder)
        var points = c.nestedUnkeyedContainer(forKey: .path)
        for point in path {
            var p = points.nestedContainer(keyedBy: PointKeys.self)
            try p.encode(point.alpha, forKey: .alpha)
            try p.encode(point.l1, forKey: .l1)
            try p.encode(point.l2, forKey: .l2)
            try p.encode(point.weights, forKey: .coefficients)
            try p.encode(point.intercept, forKey: .intercept)
        }
    }
}
