// The training MSE of a line on one-feature data, computed from the rows: what a test checks the engine's loss against.
import Engine

/// (1/n) Σ (slope·xᵢ + intercept − yᵢ)² over `data`'s rows (its first feature).
public func meanSquaredError(of data: Dataset, slope: Double, intercept: Double) -> Double {
    var sum = 0.0
    for i in 0..<data.rowCount {
        let r = slope * data.x[i * data.featureCount] + intercept - data.y[i]
        sum += r * r
    }
    return sum / Double(data.rowCount)
}
