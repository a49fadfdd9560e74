// The data the charts draw in one frame, gathered from the session outside the render.
import Engine
import Foundation

/// Loss histories decimated to the chart's width and predictions for the scatter. Taken once per frame.
public struct ChartData: Sendable {
    public var trainLoss: LossCurve
    public var testLoss: LossCurve?
    /// The scheduled rate at the recorded steps (empty while the rate is constant).
    public var rate = LossCurve(buckets: [], totalSteps: 0)
    public var trainActual: [Double]
    public var trainPredicted: [Double]
    public var testActual: [Double]
    public var testPredicted: [Double]
    /// The model the predictions were computed for, so an unchanged model costs nothing to redraw.
    private var predictedModel: (weights: [Double], intercept: Double?)?
    /// When the predictions were last computed (seconds of uptime), to pace them on large data.
    private var predictedAt = -Double.infinity

    /// Above this many values (rows × features) predictions are refreshed at most 10 times a second while
    /// training runs: the scatter moves smoothly at that rate and the engine keeps the cores.
    static let pacedValueCount = 200_000
    static let pacedInterval = 0.1

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

    /// Brings the charts up to date with `session` as of `snapshot`: the loss curves at `columns` buckets
    /// (O(columns), the session's lock held only to copy a reference), and the predictions only when the
    /// weights or intercept differ from those last drawn (a 100,000-row scatter costs 100,000 × d flops).
    public mutating func update(
        from session: TrainingSession, snapshot: TrainingSnapshot, columns: Int,
        now: Double = ProcessInfo.processInfo.systemUptime
    ) {
        trainLoss = session.lossCurve(.train, columns: columns)
        testLoss = session.test == nil ? nil : session.lossCurve(.test, columns: columns)
        rate = session.lossCurve(.rate, columns: columns)
        if let model = predictedModel, model.weights == snapshot.weights, model.intercept == snapshot.intercept {
            return
        }
        let values = (session.train.rowCount + (session.test?.rowCount ?? 0)) * session.train.featureCount
        if snapshot.status == .running, values > Self.pacedValueCount, now - predictedAt < Self.pacedInterval,
            predictedModel != nil
        {
            return
        }
        predictedAt = now
        predictedModel = (snapshot.weights, snapshot.intercept)
        trainActual = session.train.y
        trainPredicted = Self.predictions(of: session.train, weights: snapshot.weights, intercept: snapshot.intercept)
        if let test = session.test {
            testActual = test.y
            testPredicted = Self.predictions(of: test, weights: snapshot.weights, intercept: snapshot.intercept)
        } else {
            testActual = []
            testPredicted = []
        }
    }

    /// Predictions ŷ = Xw + b for every row of `data` (empty when the weights do not match the features).
    static func predictions(of data: Dataset, weights: [Double], intercept: Double?) -> [Double] {
        let d = data.featureCount
        guard weights.count == d else { return [] }
        let b = intercept ?? 0
        let n = data.rowCount
        return data.x.withUnsafeBufferPointer { x in
            weights.withUnsafeBufferPointer { w in
                // Written once each, so the array is never filled with a placeholder first.
                [Double](unsafeUninitializedCapacity: n) { out, count in
                    for i in 0..<n {
                        var sum = b
                        let row = i &* d
                        for j in 0..<d { sum += x[row &+ j] * w[j] }
                        out.initializeElement(at: i, to: sum)
                    }
                    count = n
                }
            }
        }
    }
}
