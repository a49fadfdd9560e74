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
    /// The weights and intercept the predictions and the series above were computed from (lines and points agree).
    public private(set) var drawnModel: (weights: [Double], intercept: Double?)?
    /// The path of the weights over the steps, thinned to the Weights panel's width (the paths view only), in
    /// the units GD runs in: z-score units while standardized (so coefficients of features measured in years
    /// and in mg/dl share one axis), data units otherwise. `weightPathOptimum` is w* in the same units.
    public var weightPaths: [ParameterTrajectory.Point] = []
    public var weightPathOptimum: ParameterTrajectory.Point?
    public var weightPathsStandardized = false
    /// The standardization the paths are drawn in, found once.
    private var pathScaling: FeatureScaling?
    /// The input's range, found once per version of the training rows.
    private var inputRange: ClosedRange<Double>?
    /// The training rows' version the input, the range and the paths' scaling were taken for (an edit moves it).
    private var dataVersion = 0
    /// The view and feature the series were computed for.
    private var derivedFor: ViewKey?
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
    /// Below that size predictions are cheap, but the scatter still refreshes at most 5 times a second while
    /// training runs (the loss curve and the numbers move faster): its points jitter under SGD rather than travel.
    static let screenPacedInterval = 0.2

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

    /// What a data view needs besides the predictions: which view, and the partial fit's feature.
    struct ViewKey: Sendable, Equatable {
        var view: DataView
        var feature: Int
    }

    /// Brings the charts up to date with `session` as of `snapshot`, here and now: the loss curves, and the
    /// predictions with the view's own series when `wantsPredictions` says so (tests and the frame benchmark;
    /// the app computes those on the session's worker instead, see `TrainerApp`).
    public mutating func update(
        from session: TrainingSession, snapshot: TrainingSnapshot, columns: Int, view: DataView = .predictedActual,
        partialFeature: Int = 0, now: Double = ProcessInfo.processInfo.systemUptime
    ) {
        updateCurves(from: session, columns: columns)
        let key = ViewKey(view: view, feature: partialFeature)
        guard wantsPredictions(for: snapshot, session: session, view: key, now: now) else { return }
        markPredicted(snapshot, now: now)
        receive(Self.predictions(for: snapshot, session: session, view: key), session: session)
    }

    /// Everything `state` shows, here and now (tests, the frame benchmark): the loss chart at its width, the
    /// data view's predictions and series, its curves sampled once per dot column, the weight paths while shown.
    public mutating func update(
        from session: TrainingSession, state: TrainerState, now: Double = ProcessInfo.processInfo.systemUptime
    ) {
        let layout = state.layout
        update(
            from: session, snapshot: state.snapshot, columns: max(1, (layout.loss.width - 2) * 2), view: state.dataView,
            partialFeature: state.partialFeature, now: now)
        updateViewCurves(from: session, state: state)
    }

    /// The Fit view's curves for the model last predicted (and the closed form), and the weight paths: each a
    /// few hundred numbers, taken every frame. The input's range and the paths' scaling are found once.
    mutating func updateViewCurves(from session: TrainingSession, state: TrainerState) {
        let layout = state.layout
        if state.snapshot.dataVersion != dataVersion {
            // Points were edited: the input, its range, the standardization and the predictions are of the new rows.
            dataVersion = state.snapshot.dataVersion
            inputRange = nil
            pathScaling = nil
            trainActual = []
            trainPredicted = []
            predictedModel = nil
        }
        let dotsAcross = state.renderMode.dotsPerCell.x
        refreshWeightPaths(
            from: session, snapshot: state.snapshot,
            points: state.weightsView == .paths ? max(2, (layout.weights.width - 2) * dotsAcross) : 0)
        let train = session.train
        if inputRange == nil, let input = train.fitInput {
            trainInput = input
            trainActual = train.y
            testInput = session.test?.fitInput ?? []
            var low = Double.infinity, high = -Double.infinity
            for values in [input, testInput] {
                for v in values where v.isFinite {
                    if v < low { low = v }
                    if v > high { high = v }
                }
            }
            inputRange = low <= high ? low...high : 0...1
        }
        if trainActual.isEmpty {
            // The points need no predictions: the first frame shows them before the worker's first answer.
            trainActual = train.y
            testActual = session.test?.y ?? []
        }
        let model = drawnModel ?? (state.snapshot.weights, state.snapshot.intercept)
        guard state.dataView == .fit, let range = inputRange else {
            modelCurve = nil
            referenceCurve = nil
            return
        }
        let samples = max(2, (layout.prediction.width - 2) * dotsAcross)
        // The range widened by the padding the chart adds, so the curve reaches the plot's edges.
        let pad = (range.upperBound - range.lowerBound) * 0.05
        let low = range.lowerBound - pad, high = range.upperBound + pad
        modelCurve = ModelCurve(weights: model.weights, intercept: model.intercept, from: low, to: high, count: samples)
        referenceCurve = state.snapshot.closedForm.map {
            ModelCurve(weights: $0.weights, intercept: $0.intercept, from: low, to: high, count: samples)
        }
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

    /// The loss curves at `columns` buckets (O(columns), the session's lock held only to copy a reference).
    mutating func updateCurves(from session: TrainingSession, columns: Int) {
        trainLoss = session.lossCurve(.train, columns: columns)
        testLoss = session.test == nil ? nil : session.lossCurve(.test, columns: columns)
        rate = session.lossCurve(.rate, columns: columns)
    }

    /// Whether the scatter needs predictions for `snapshot`'s model: only when the weights or intercept differ
    /// from those last asked for (a 1,000,000-row scatter costs 1,000,000 × d flops), and while training runs at
    /// most 10 times a second on large data, 5 on small.
    /// A new view (or partial-fit feature) wants its series at once, whatever the model.
    func wantsPredictions(for snapshot: TrainingSnapshot, session: TrainingSession, view: ViewKey, now: Double) -> Bool {
        if derivedFor != view { return true }
        if let model = predictedModel, model.weights == snapshot.weights, model.intercept == snapshot.intercept {
            return false
        }
        // Small data is paced too, for the terminal: every point of the scatter moves a little at each step, and
        // redrawn ten times a second the cloud is nearly all a frame sends over a slow link.
        let values = (session.train.rowCount + (session.test?.rowCount ?? 0)) * session.train.featureCount
        let interval = values > Self.pacedValueCount ? Self.pacedInterval : Self.screenPacedInterval
        return !(snapshot.status == .running && now - predictedAt < interval && predictedModel != nil)
    }

    /// Notes that predictions for `snapshot`'s model were asked for at `now`.
    mutating func markPredicted(_ snapshot: TrainingSnapshot, now: Double) {
        predictedAt = now
        predictedModel = (snapshot.weights, snapshot.intercept)
    }

    /// The predictions for `snapshot`'s model and the series `view` draws from them (the work the app does on
    /// the worker; each series is one more O(rows) pass).
    static func predictions(
        for snapshot: TrainingSnapshot, session: TrainingSession, view: ViewKey = ViewKey(view: .predictedActual, feature: 0)
    ) -> ScatterPredictions {
        let w = snapshot.weights, b = snapshot.intercept
        var result = ScatterPredictions(
            train: predictions(of: session.train, weights: w, intercept: b),
            test: session.test.map { predictions(of: $0, weights: w, intercept: b) } ?? [])
        result.model = (w, b)
        result.view = view
        switch view.view {
        case .partialFit:
            guard view.feature < w.count else { break }
            result.trainPartial = PartialResiduals(data: session.train, predicted: result.train, feature: view.feature, weight: w[view.feature])
            result.testPartial = session.test.map {
                PartialResiduals(data: $0, predicted: result.test, feature: view.feature, weight: w[view.feature])
            }
        case .residuals:
            result.trainResiduals = PartialResiduals.residuals(actual: session.train.y, predicted: result.train)
            result.testResiduals = PartialResiduals.residuals(actual: session.test?.y ?? [], predicted: result.test)
        case .fit, .predictedActual: break
        }
        return result
    }

    /// Shows `predictions` against the session's targets, with the view's series computed with them.
    mutating func receive(_ predictions: ScatterPredictions, session: TrainingSession) {
        let train = session.train
        // Predictions of rows since edited away (or added) answer an old question: ask again.
        guard predictions.train.count == train.rowCount else {
            predictedModel = nil
            return
        }
        trainActual = train.y
        trainPredicted = predictions.train
        testActual = session.test?.y ?? []
        testPredicted = predictions.test
        drawnModel = predictions.model
        derivedFor = predictions.view
        trainPartial = predictions.trainPartial
        testPartial = predictions.testPartial
        trainResiduals = predictions.trainResiduals
        testResiduals = predictions.testResiduals
        scatterDensity = predictions.density
    }

    /// Predictions ŷ = Xw + b for every row of `data` (empty when the weights do not match the features).
    static func predictions(of data: Dataset, weights: [Double], intercept: Double?) -> [Double] {
        data.predictions(weights: weights, intercept: intercept)
    }
}
