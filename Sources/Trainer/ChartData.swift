// The data the charts draw in one frame, gathered from the session outside the render.
import Engine

/// Loss histories decimated to the chart's width and predictions for the scatter. Taken once per frame.
public struct ChartData: Sendable {
    public var trainLoss: LossCurve
    public var testLoss: LossCurve?
    public var trainActual: [Double]
    public var trainPredicted: [Double]
    public var testActual: [Double]
    public var testPredicted: [Double]

    public init(
        trainLoss: LossCurve = LossCurve(buckets: [], totalSteps: 0), testLoss: LossCurve? = nil,
        trainActual: [Double] = [], trainPredicted: [Double] = [], testActual: [Double] = [], testPredicted: [Double] = []
    ) {
        self.trainLoss = trainLoss
        self.testLoss = testLoss
        self.trainActual = trainActual
        self.trainPredicted = trainPredicted
        self.testActual = testActual
        self.testPredicted = testPredicted
    }

    /// Predictions ŷ = Xw + b for every row of `data` (empty when the weights do not match the features).
    static func predictions(of data: Dataset, weights: [Double], intercept: Double?) -> [Double] {
        let d = data.featureCount
        guard weights.count == d else { return [] }
        let b = intercept ?? 0
        var out = [Double](repeating: b, count: data.rowCount)
        data.x.withUnsafeBufferPointer { x in
            weights.withUnsafeBufferPointer { w in
                for i in 0..<data.rowCount {
                    var sum = b
                    let row = i * d
                    for j in 0..<d { sum += x[row + j] * w[j] }
                    out[i] = sum
                }
            }
        }
        return out
    }
}
