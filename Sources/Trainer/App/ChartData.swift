// The data the charts draw in one frame, gathered from the session outside the render.
import Engine
import Foundation
import Plot

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
    /// The scatter's points counted per cell for the panel (on the session's worker), if they have been.
    public var scatterDensity: ScatterPlot.Density?
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

    /// Brings the charts up to date with `session` as of `snapshot`, here and now: the loss curves, and the
    /// predictions when `wantsPredictions` says so (tests and the frame benchmark; the app computes the
    /// predictions on the session's worker instead, see `TrainerApp`).
    public mutating func update(
        from session: TrainingSession, snapshot: TrainingSnapshot, columns: Int,
        now: Double = ProcessInfo.processInfo.systemUptime
    ) {
        updateCurves(from: session, columns: columns)
        guard wantsPredictions(for: snapshot, session: session, now: now) else { return }
        markPredicted(snapshot, now: now)
        receive(Self.predictions(for: snapshot, session: session), session: session)
    }

    /// The loss curves at `columns` buckets (O(columns), the session's lock held only to copy a reference).
    mutating func updateCurves(from session: TrainingSession, columns: Int) {
        trainLoss = session.lossCurve(.train, columns: columns)
        testLoss = session.test == nil ? nil : session.lossCurve(.test, columns: columns)
        rate = session.lossCurve(.rate, columns: columns)
    }

    /// Whether the scatter needs predictions for `snapshot`'s model: only when the weights or intercept differ
    /// from those last asked for (a 1,000,000-row scatter costs 1,000,000 × d flops), and on large data at most
    /// 10 times a second while training runs.
    func wantsPredictions(for snapshot: TrainingSnapshot, session: TrainingSession, now: Double) -> Bool {
        if let model = predictedModel, model.weights == snapshot.weights, model.intercept == snapshot.intercept {
            return false
        }
        let values = (session.train.rowCount + (session.test?.rowCount ?? 0)) * session.train.featureCount
        return !(snapshot.status == .running && values > Self.pacedValueCount && now - predictedAt < Self.pacedInterval
            && predictedModel != nil)
    }

    /// Notes that predictions for `snapshot`'s model were asked for at `now`.
    mutating func markPredicted(_ snapshot: TrainingSnapshot, now: Double) {
        predictedAt = now
        predictedModel = (snapshot.weights, snapshot.intercept)
    }

    /// The scatter's predictions for `snapshot`'s model (the work the app does on the worker).
    static func predictions(for snapshot: TrainingSnapshot, session: TrainingSession) -> ScatterPredictions {
        ScatterPredictions(
            train: predictions(of: session.train, weights: snapshot.weights, intercept: snapshot.intercept),
            test: session.test.map { predictions(of: $0, weights: snapshot.weights, intercept: snapshot.intercept) } ?? [])
    }

    /// Shows `predictions` against the session's targets.
    mutating func receive(_ predictions: ScatterPredictions, session: TrainingSession) {
        trainActual = session.train.y
        trainPredicted = predictions.train
        testActual = session.test?.y ?? []
        testPredicted = predictions.test
        scatterDensity = predictions.density
    }

    /// Predictions ŷ = Xw + b for every row of `data` (empty when the weights do not match the features).
    static func predictions(of data: Dataset, weights: [Double], intercept: Double?) -> [Double] {
        data.predictions(weights: weights, intercept: intercept)
    }
}
