// The data panel: the model on the data in one of four views (fit, partial fit, predicted vs actual, residuals).
import Engine
import Plot

/// Draws the view `state.dataView` names; the title says which. The series come computed in `ChartData`:
/// this only lays them out.
struct DataPanel {
    var state: TrainerState
    var charts: ChartData

    func render(into buffer: inout Buffer, area: Rect) {
        switch state.dataView {
        case .predictedActual:
            PredictionPanel(state: state, charts: charts).render(into: &buffer, area: area)
            return
        case .fit, .partialFit, .residuals:
            PanelFrame(title: title).render(into: &buffer, area: area)
            chart?.render(into: &buffer, area: PanelFrame.inner(of: area))
            guard state.dataView == .fit, let mapping = mapping(area: area) else { return }
            if let cursor = state.pointCursor { Crosshair(mode: state.renderMode).render(at: cursor, into: &buffer, clip: mapping.plot) }
            if state.handFit != nil { drawHandles(on: mapping, into: &buffer) }
        }
    }

    /// Hand-fit mode: the two handles on the part of the model's line the plot shows (drag one to turn the line
    /// about the other), and what the keys do, in the plot's top-left corner.
    private func drawHandles(on mapping: ChartMapping, into buffer: inout Buffer) {
        let snapshot = state.snapshot
        guard let slope = snapshot.weights.first, slope.isFinite else { return }
        let intercept = snapshot.intercept ?? 0
        let unicode = state.renderMode.usesUnicode
        for x in HandFit.handleXs(mapping, slope: slope, intercept: intercept) {
            guard let cell = mapping.cell(x: x, y: intercept + slope * x) else { continue }
            buffer.write(unicode ? "◆" : "#", x: cell.x, y: cell.y, role: .warning, clip: mapping.plot)
        }
        // While the mouse holds the line or a handle, the hint says which (a press alone moves nothing yet).
        let holding: String?
        switch state.handFit?.grip {
        case .handle?: holding = unicode ? "holding a ◆: the line turns about the other" : "holding a handle: the line turns"
        case .line?: holding = "holding the line: it moves with the pointer"
        case nil: holding = nil
        }
        let hints = holding.map { [$0] } ?? (unicode
            ? ["←→ tilt ↑↓ shift · drag the line or a ◆ · Space: GD", "←→ tilt ↑↓ shift · drag ◆ · Space: GD", "←→ tilt ↑↓ shift"]
            : ["arrows tilt and shift, drag the line or a # . Space: GD", "arrows tilt, shift . Space: GD", "arrows tilt, shift"])
        let hint = hints.first { $0.displayWidth <= mapping.plot.width - 1 } ?? hints[hints.count - 1]
        buffer.write(hint, x: mapping.plot.x + 1, y: mapping.plot.y, role: .dim, clip: mapping.plot)
    }

    /// The title: the view, and what it plots.
    var title: String {
        let target = state.targetName
        switch state.dataView {
        case .fit: return (state.handFit == nil ? "Fit" : "Fit by hand") + " · \(target) against \(state.fitInputName ?? "x")"
        case .partialFit: return "Partial fit · \(featureName) (r + w·x)"
        case .predictedActual, .residuals: return state.dataView.title
        }
    }

    private var featureName: String {
        state.partialFeature < state.featureNames.count ? state.featureNames[state.partialFeature] : "x"
    }

    /// Where the view's data lands in `area` (the panel's rectangle): for clicks on the Fit view.
    func mapping(area: Rect) -> ChartMapping? {
        chart?.mapping(area: PanelFrame.inner(of: area))
    }

    /// The chart of the current view (nil for predicted vs actual, which draws with its own scatter).
    var chart: FitChart? {
        let mode = state.renderMode
        let comparing = state.isComparing
        switch state.dataView {
        case .predictedActual:
            return nil
        case .fit:
            var curves: [FitChart.Curve] = []
            if let curve = charts.modelCurve {
                curves.append(.init(name: "model", role: .fitLine, marker: "*", xs: curve.xs, ys: curve.ys))
            }
            if comparing, let curve = charts.referenceCurve {
                curves.append(.init(name: "closed form", role: .fitReference, pattern: .dashed, marker: "-", xs: curve.xs, ys: curve.ys))
            }
            return FitChart(
                trainXs: charts.trainInput, trainYs: charts.trainActual, testXs: charts.testInput, testYs: charts.testActual,
                curves: curves, residuals: state.showsResiduals ? .init(model: charts.trainPredicted) : nil,
                xName: state.fitInputName, mode: mode)
        case .partialFit:
            guard let train = charts.trainPartial else { return nil }
            let test = charts.testPartial
            let (low, high) = Self.range(train.xs, test?.xs ?? [])
            var curves: [FitChart.Curve] = []
            let j = state.partialFeature
            if low <= high, let weights = charts.drawnModel?.weights, j < weights.count {
                let pad = (high - low) * 0.05
                let line = train.line(slope: weights[j], from: low - pad, to: high + pad)
                curves.append(.init(name: "w", role: .fitLine, marker: "*", xs: line.xs, ys: line.ys))
                if comparing, let optimum = state.snapshot.closedForm?.weights, j < optimum.count {
                    let reference = train.line(slope: optimum[j], from: low - pad, to: high + pad)
                    curves.append(.init(name: "w*", role: .fitReference, pattern: .dashed, marker: "-", xs: reference.xs, ys: reference.ys))
                }
            }
            return FitChart(
                trainXs: train.xs, trainYs: train.ys, testXs: test?.xs ?? [], testYs: test?.ys ?? [], curves: curves,
                xName: featureName, mode: mode)
        case .residuals:
            return FitChart(
                trainXs: charts.trainPredicted, trainYs: charts.trainResiduals, testXs: charts.testPredicted,
                testYs: charts.testResiduals, level: (0, "r = 0"), xName: "predicted", mode: mode)
        }
    }

    /// The smallest and largest finite values of two arrays (low > high when there are none).
    static func range(_ a: [Double], _ b: [Double]) -> (Double, Double) {
        var low = Double.infinity, high = -Double.infinity
        for values in [a, b] {
            for v in values where v.isFinite {
                if v < low { low = v }
                if v > high { high = v }
            }
        }
        return (low, high)
    }
}
