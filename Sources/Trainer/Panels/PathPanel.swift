// The regularization path view (`P`): each coefficient against log₁₀ alpha, with a marker at the current penalty.
import MessageText
import Engine
import Foundation
import Plot

/// glmnet's picture: one line per coefficient (in the units the penalty applies to) from the largest alpha,
/// where every weight is zero, down to 10⁻³ of it; the order in which they enter is the panel's subtitle.
struct PathPanel {
    var state: TrainerState
    var path: RegularizationPath?

    static let markers: [Character] = Array("123456789abcdefghijklmnopqrstuvwxyz")

    func render(into buffer: inout Buffer, area: Rect) {
        let ratio = state.penaltyOnPath?.l1Ratio ?? 1
        let title = "Regularization path · w vs log₁₀ alpha" + (ratio < 1 ? " · l1_ratio \(NumberText.figure(ratio))" : " · lasso")
        PanelFrame(title: title).render(into: &buffer, area: area)
        let inner = PanelFrame.inner(of: area)
        guard inner.height > 2 else { return }
        guard let path else {
            buffer.write("computing the path…", x: inner.x + 1, y: inner.y + inner.height / 2, role: .dim, clip: inner)
            return
        }
        let names = state.featureNames
        let entry = path.entryOrder.map { $0 < names.count ? names[$0] : "w\($0 + 1)" }
        buffer.write("enter: " + entry.joined(separator: ", "), x: inner.x + 1, y: inner.y, role: .legend, clip: inner)
        var marker = "no L1 penalty on: the marker shows with --l1"
        if let current = state.penaltyOnPath {
            marker = "│ alpha \(NumberText.figure(current.alpha)) (--l1 \(NumberText.figure(state.hyperparameters.l1)))"
        }
        buffer.write(marker, x: inner.x + 1, y: inner.y + 1, role: .reference, clip: inner)
        let xs = path.points.map { log10($0.alpha) }
        var series: [Series] = []
        let d = path.points.first?.trainingWeights.count ?? 0
        for j in 0..<d {
            let ys = path.points.map { $0.trainingWeights[j] }
            series.append(Series(
                name: j < names.count ? names[j] : "w\(j + 1)", role: j % 2 == 0 ? .lossTrain : .lossTest,
                marker: Self.markers[j % Self.markers.count], pattern: j % 2 == 0 ? .solid : .dashed, marksLine: true,
                xs: xs, ys: ys))
        }
        let all = path.points.flatMap(\.trainingWeights)
        let low = min(0, all.min() ?? 0), high = max(0, all.max() ?? 0)
        if let current = state.penaltyOnPath, current.alpha > 0 {
            let x = log10(current.alpha)
            series.append(Series(name: "alpha", role: .reference, marker: "|", xs: [x, x], ys: [low, high]))
        }
        let chart = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        LineChart(
            series: series, referenceLines: [ReferenceLine(value: 0, role: .dim, label: "0")], mode: state.renderMode,
            showsLegend: false, xRange: (xs.min() ?? 0)...(xs.max() ?? 1), xName: "log₁₀ alpha"
        ).render(into: &buffer, area: chart)
    }
}
