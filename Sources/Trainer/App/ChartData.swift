// The data the charts draw in one frame, gathered from the session outside the render.
import Engine
import Foundation

/// Loss histories decimated to the chart's width and predictions for the scatter. Taken once per frame.
public struct ChartData: Sendable {
    public var trainLoss: LossCurve
    public var testLoss: LossCurve?
    public var trainActual: [Double]
    public var trainPredicted: [Double]
    public var testActual: [Double]
    public var testPredicted: [Double]
    /// The single input of a one-feature model per train and test row (the Fit view's x), empty otherwise.
    public var trainInput: [Double] = []
    public var testInput: [Double] = []
    /// The current model and the closed form along the input's range, for the Fit view.
    public var modelCurve: ModelCurve?
    public var referenceCurve: ModelCurve?
    /// The partial-fit view's points for the chosen feature.
    public var trainPartial: PartialResiduals?
    public var testPartial: PartialResiduals?
    /// r = y − ŷ for the residuals view.
    public var trainResiduals: [Double] = []
    public var testResiduals: [Double] = []
    /// The weights and intercept every derived series above was computed from (so lines and points agree).
    public var drawnModel: (weights: [Double], intercept: Double?)? { predictedModel }
    /// The path of the weights over the steps, thinned to the Weights panel's width (the paths view only), in
    /// the units GD runs in: z-score units while standardized (so coefficients of features measured in years
    /// and in mg/dl share one axis), data units otherwise. `weightPathOptimum` is w* in the same units.
    public var weightPaths: [ParameterTrajectory.Point] = []
    public var weightPathOptimum: ParameterTrajectory.Point?
    public var weightPathsStandardized = false
    /// The standardization the paths are drawn in, found once.
    private var pathScaling: FeatureScaling?
    /// The model the predictions were computed for, so an unchanged model costs nothing to redraw.
    private var predictedModel: (weights: [Double], intercept: Double?)?
    /// What the derived series were last computed for.
    private var derivedFor: (view: DataView, feature: Int)?
    /// The input's range, found once.
    private var inputRange: ClosedRange<Double>?
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
    /// The data view's own series (fit curves, partial residuals, residuals) follow the predictions; the
    /// curves are sampled `curveSamples` times across the input's range. `weightPathPoints` > 0 also takes
    /// the weight paths, thinned to that many points.
    public mutating func update(
        from session: TrainingSession, snapshot: TrainingSnapshot, columns: Int, view: DataView = .predictedActual,
        partialFeature: Int = 0, curveSamples: Int = 0, weightPathPoints: Int = 0,
        now: Double = ProcessInfo.processInfo.systemUptime
    ) {
        trainLoss = session.lossCurve(.train, columns: columns)
        testLoss = session.test == nil ? nil : session.lossCurve(.test, columns: columns)
        refreshWeightPaths(from: session, snapshot: snapshot, points: weightPathPoints)
        if inputRange == nil, let input = session.train.fitInput {
            trainInput = input
            testInput = session.test?.fitInput ?? []
            var low = Double.infinity, high = -Double.infinity
            for v in input + testInput where v.isFinite {
                low = min(low, v)
                high = max(high, v)
            }
            inputRange = low <= high ? low...high : 0...1
        }
        let refreshed = refreshPredictions(from: session, snapshot: snapshot, now: now)
        if refreshed || derivedFor.map({ $0.view != view || $0.feature != partialFeature }) ?? true {
            refreshDerived(from: session, view: view, feature: partialFeature)
        }
        guard view == .fit, let range = inputRange, let model = predictedModel, curveSamples > 0 else {
            modelCurve = nil
            referenceCurve = nil
            return
        }
        // The range widened by the padding the chart adds, so the curve reaches the plot's edges.
        let pad = (range.upperBound - range.lowerBound) * 0.05
        let low = range.lowerBound - pad, high = range.upperBound + pad
        modelCurve = ModelCurve(weights: model.weights, intercept: model.intercept, from: low, to: high, count: curveSamples)
        referenceCurve = snapshot.closedForm.map {
            ModelCurve(weights: $0.weights, intercept: $0.intercept, from: low, to: high, count: curveSamples)
        }
    }

    /// Brings the charts up to date for what `state` shows: the loss chart's width, the data view and its
    /// feature, a curve sample per dot column of the data panel, the weight paths while they are shown.
    public mutating func update(
        from session: TrainingSession, state: TrainerState, now: Double = ProcessInfo.processInfo.systemUptime
    ) {
        let layout = state.layout
        let dotsAcross = state.renderMode.dotsPerCell.x
        update(
            from: session, snapshot: state.snapshot, columns: max(1, (layout.loss.width - 2) * 2), view: state.dataView,
            partialFeature: state.partialFeature, curveSamples: max(2, (layout.prediction.width - 2) * dotsAcross),
            weightPathPoints: state.weightsView == .paths ? max(2, (layout.weights.width - 2) * dotsAcross) : 0, now: now)
    }

    /// The weight paths (and w*) in GD's units: the engine's thinned trajectory mapped point by point, O(points × d).
    private mutating func refreshWeightPaths(from session: TrainingSession, snapshot: TrainingSnapshot, points: Int) {
        guard points > 0 else {
            weightPaths = []
            weightPathOptimum = nil
            return
        }
        let raw = session.parameterTrajectory().decimated(maxPoints: points)
        let optimum = snapshot.closedForm.map { ParameterTrajectory.Point(step: snapshot.step, weights: $0.weights, intercept: $0.intercept) }
        weightPathsStandardized = snapshot.standardized
        guard snapshot.standardized else {
            weightPaths = raw
            weightPathOptimum = optimum
            return
        }
        if pathScaling == nil { pathScaling = FeatureScaling(standardizing: session.train, centred: session.fitIntercept) }
        guard let scaling = pathScaling else { return }
        func scaled(_ point: ParameterTrajectory.Point) -> ParameterTrajectory.Point {
            let mapped = scaling.toScaledUnits(weights: point.weights, intercept: point.intercept ?? 0)
            return ParameterTrajectory.Point(step: point.step, weights: mapped.weights, intercept: point.intercept.map { _ in mapped.intercept })
        }
        weightPaths = raw.map(scaled)
        weightPathOptimum = optimum.map(scaled)
    }

    /// Recomputes the predictions when the model changed (paced on large data while training runs); returns
    /// whether it did.
    private mutating func refreshPredictions(from session: TrainingSession, snapshot: TrainingSnapshot, now: Double) -> Bool {
        if let model = predictedModel, model.weights == snapshot.weights, model.intercept == snapshot.intercept {
            return false
        }
        let values = (session.train.rowCount + (session.test?.rowCount ?? 0)) * session.train.featureCount
        if snapshot.status == .running, values > Self.pacedValueCount, now - predictedAt < Self.pacedInterval,
            predictedModel != nil
        {
            return false
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
        return true
    }

    /// The series only one view needs, computed for that view alone (each is O(rows)).
    private mutating func refreshDerived(from session: TrainingSession, view: DataView, feature: Int) {
        derivedFor = (view, feature)
        trainPartial = nil
        testPartial = nil
        trainResiduals = []
        testResiduals = []
        guard let model = predictedModel else { return }
        switch view {
        case .partialFit:
            guard feature < model.weights.count else { return }
            trainPartial = PartialResiduals(
                data: session.train, predicted: trainPredicted, feature: feature, weight: model.weights[feature])
            testPartial = session.test.map {
                PartialResiduals(data: $0, predicted: testPredicted, feature: feature, weight: model.weights[feature])
            }
        case .residuals:
            trainResiduals = PartialResiduals.residuals(actual: trainActual, predicted: trainPredicted)
            testResiduals = PartialResiduals.residuals(actual: testActual, predicted: testPredicted)
        case .fit, .predictedActual: break
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
