// The figures of a run for slides and handouts: loss, weights, predicted-vs-actual, the fit and the landscape, as SVG.
import MessageText
import Engine
import Foundation
import Plot

/// What `e` in the UI, `descent fit --export PREFIX` and `descent fit --plot PREFIX` draw: PREFIX-loss.svg
/// (train and test loss, the ghosts, loss*), PREFIX-weights.svg (the weights and w*), PREFIX-data.svg
/// (predicted against actual), for a model of one input (one feature, or `--poly`) PREFIX-fit.svg (the Fit
/// view: the points x against y, the model's line or curve, the closed form's) and, when the landscape was
/// open, PREFIX-landscape.svg. Engine's numbers,
/// drawn with Plot's vector charts in the screen's line patterns.
public struct RunFigures: Sendable {
    /// The landscape as it was open: the loss sampled around the model, the path, the optimum.
    public struct Landscape: Sendable {
        public var grid: LossGrid
        public var path: [(x: Double, y: Double)]
        public var optimum: (x: Double, y: Double)?
        public var standardized: Bool

        public init(grid: LossGrid, path: [(x: Double, y: Double)], optimum: (x: Double, y: Double)?, standardized: Bool) {
            self.grid = grid
            self.path = path
            self.optimum = optimum
            self.standardized = standardized
        }
    }

    public var export: RunExport
    /// The closed-form solution, for loss* and w* (nil: not drawn).
    public var closedForm: ClosedFormComparison?
    /// Earlier runs' loss curves pinned beside this one (the trainer's ghosts).
    public var ghosts: [LabelledLossCurve]
    public var train: ScatterPlot.Points
    public var test: ScatterPlot.Points
    public var landscape: Landscape?
    public var logLoss: Bool
    /// The one input of a one-input model (train and test rows, in data units) and its name; nil otherwise.
    public var fitInput: (name: String, train: [Double], test: [Double], trainY: [Double], testY: [Double])?

    /// The figures of `export`, with predictions of its final model on `trainData` and `testData`.
    public init(
        export: RunExport, trainData: Dataset, testData: Dataset?, closedForm: ClosedFormComparison? = nil,
        ghosts: [LabelledLossCurve] = [], landscape: Landscape? = nil, logLoss: Bool = true
    ) {
        self.export = export
        self.closedForm = closedForm
        self.ghosts = ghosts
        self.landscape = landscape
        self.logLoss = logLoss
        let weights = export.result.coefficients, intercept = export.result.intercept
        train = ScatterPlot.Points(actual: trainData.y, predicted: trainData.predictions(weights: weights, intercept: intercept))
        test = testData.map { ScatterPlot.Points(actual: $0.y, predicted: $0.predictions(weights: weights, intercept: intercept)) }
            ?? ScatterPlot.Points(actual: [], predicted: [])
        if let input = trainData.fitInput, let name = trainData.fitInputName {
            fitInput = (name, input, testData?.fitInput ?? [], trainData.y, testData?.y ?? [])
        }
    }

    /// Samples of the model's (and the closed form's) curve across the Fit figure's x axis: dense enough for a
    /// degree-9 polynomial on a printed page.
    public static let fitSamples = 400

    /// The figure files' paths for `prefix`.
    public static func paths(prefix: String) -> (loss: String, weights: String, data: String, fit: String, landscape: String) {
        (prefix + "-loss.svg", prefix + "-weights.svg", prefix + "-data.svg", prefix + "-fit.svg", prefix + "-landscape.svg")
    }

    /// Each figure's path and bytes (the fit only for a one-input model, the landscape only when it was open),
    /// for `AtomicWrite.files`.
    public func files(prefix: String) -> [(path: String, contents: Data)] {
        let paths = Self.paths(prefix: prefix)
        var files = [(paths.loss, Data(lossSVG().utf8)), (paths.weights, Data(weightsSVG().utf8)), (paths.data, Data(dataSVG().utf8))]
        if let fit = fitSVG() { files.append((paths.fit, Data(fit.utf8))) }
        if let landscape = landscapeSVG() { files.append((paths.landscape, Data(landscape.utf8))) }
        return files.map { (path: $0.0, contents: $0.1) }
    }

    /// "diabetes · gd, plain, lr 0.1 · step 1000": what the run was, for every subtitle.
    var runDescription: String {
        let h = export.hyperparameters
        var text = "\(export.dataset) · \(h.method.rawValue), \(h.update.rawValue), lr \(NumberText.inMessage(h.learningRate))"
        if h.method == .minibatch { text += ", batch \(h.batchSize)" }
        if h.l2 > 0 { text += ", L2 \(NumberText.inMessage(h.l2))" }
        text += " · step \(export.result.steps)"
        // A figure of a run that blew up says so, as the screen's banner does.
        if export.result.status == .diverged { text += " · DIVERGED (the weights shown are those kept)" }
        return text
    }

    public var lossFigure: SVGLineFigure {
        var series: [Series] = []
        for (index, ghost) in ghosts.enumerated() {
            // As on screen: ghosts alternate solid and dashed, each named by its number at the line's end.
            let marker = Character("\(index % 9 + 1)")
            series.append(Series(
                name: "\(index + 1): \(ghost.label)", role: .ghost, marker: marker, pattern: index % 2 == 1 ? .dashed : .solid,
                marksLine: true, xs: ghost.curve.buckets.map { Double($0.lastStep) }, ys: ghost.curve.buckets.map(\.last)))
        }
        series.append(Series(
            name: "train", role: .lossTrain, marker: "*", xs: export.history.map { Double($0.step) }, ys: export.history.map(\.train)))
        let tested = export.history.filter { $0.test != nil }
        if !tested.isEmpty {
            series.append(Series(
                name: "test", role: .lossTest, marker: "+", pattern: .dashed, xs: tested.map { Double($0.step) },
                ys: tested.map { $0.test! }))
        }
        var references: [ReferenceLine] = []
        if let optimum = closedForm?.trainLoss, optimum.isFinite {
            references.append(ReferenceLine(value: optimum, role: .reference, label: "loss* \(NumberText.inMessage(optimum)) (closed form)"))
        }
        return SVGLineFigure(
            title: "Loss", subtitle: runDescription, series: series, referenceLines: references, yScale: logLoss ? .logarithmic : .linear,
            xName: "step", yName: "mean squared error", xIsWhole: true)
    }

    public var weightsFigure: SVGBarFigure {
        let reference = closedForm
        let bars = export.result.coefficients.enumerated().map { index, weight in
            BarChart.Bar(
                name: index < export.featureNames.count ? export.featureNames[index] : "w\(index + 1)", value: weight,
                reference: reference.flatMap { index < $0.weights.count ? $0.weights[index] : nil })
        }
        var note: String?
        if let b = export.result.intercept {
            note = "intercept b = \(NumberText.inMessage(b))"
            if let optimum = reference?.intercept { note! += " · b* = \(NumberText.inMessage(optimum)) (closed form)" }
        }
        return SVGBarFigure(
            title: "Weights", subtitle: runDescription, bars: bars, valueName: "coefficient (the data's own units)", note: note)
    }

    public var dataFigure: SVGScatterFigure {
        SVGScatterFigure(title: "Predicted vs actual", subtitle: runDescription, train: train, test: test, targetName: export.target)
    }

    /// The Fit view for a model of one input: nil with several inputs.
    public var fitFigure: SVGFitFigure? {
        guard let input = fitInput else { return nil }
        var figure = SVGFitFigure(
            title: "Fit · \(export.target) against \(input.name)", subtitle: runDescription, trainXs: input.train, trainYs: input.trainY,
            testXs: input.test, testYs: input.testY, xName: input.name, yName: export.target)
        let axis = figure.xAxis
        let weights = export.result.coefficients
        let model = ModelCurve(weights: weights, intercept: export.result.intercept, from: axis.lower, to: axis.upper, count: Self.fitSamples)
        let degree = weights.count
        let shape = degree == 1 ? "line" : "degree-\(degree) curve"
        figure.curves.append(.init(name: "model (\(shape))", role: .fitLine, xs: model.xs, ys: model.ys))
        if let reference = closedForm, reference.weights.count == weights.count {
            let curve = ModelCurve(
                weights: reference.weights, intercept: reference.intercept, from: axis.lower, to: axis.upper, count: Self.fitSamples)
            figure.curves.append(.init(name: "closed form", role: .fitReference, pattern: .dashed, xs: curve.xs, ys: curve.ys))
        }
        return figure
    }

    public var landscapeFigure: SVGContourFigure? {
        guard let landscape else { return nil }
        let grid = landscape.grid
        let units = landscape.standardized ? "z-score units (per sd of x)" : "the data's own units"
        let held = export.featureNames.count + (export.setup.data.fitIntercept ? 1 : 0) > 2 ? "; other parameters held at the model's" : ""
        return SVGContourFigure(
            title: "Loss landscape", subtitle: runDescription,
            grid: ScalarGrid(xRange: grid.xRange, yRange: grid.yRange, columns: grid.columns, rows: grid.rows, values: grid.values),
            path: landscape.path, optimum: landscape.optimum, xName: grid.names.0, yName: grid.names.1, note: units + held)
    }

    public func lossSVG() -> String { lossFigure.svg() }
    public func weightsSVG() -> String { weightsFigure.svg() }
    public func dataSVG() -> String { dataFigure.svg() }
    public func fitSVG() -> String? { fitFigure?.svg() }
    public func landscapeSVG() -> String? { landscapeFigure?.svg() }
}
