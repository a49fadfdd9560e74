// The live race view: every contestant's loss in one chart, and a table of their weights.
import Engine
import Foundation
import Plot

/// Renders a `RaceState` and the contestants' loss curves into a full-screen buffer.
public struct RaceScreen {
    public var state: RaceState
    public var curves: [LossCurve]

    public init(state: RaceState, curves: [LossCurve]) {
        self.state = state
        self.curves = curves
    }

    /// Each contestant's colour and marker, so they read apart in colour and in monochrome alike.
    static let styles: [(role: StyleRole, marker: Character, dashed: Bool)] = [
        (.lossTrain, "G", false), (.lossTest, "S", true), (.reference, "M", false), (.heatHigh, "m", true),
        (.weightNegative, "A", false),
    ]

    static func style(_ index: Int) -> (role: StyleRole, marker: Character, dashed: Bool) { styles[index % styles.count] }

    public func render() -> Buffer {
        var buffer = Buffer(width: max(0, state.width), height: max(0, state.height))
        let layout = state.layout
        if layout.isTooSmall {
            let message = TrainerScreen.tooSmallMessage
            buffer.write(message, x: max(0, (state.width - message.count) / 2), y: max(0, state.height / 2), role: .warning)
            return buffer
        }
        renderTitle(into: &buffer, area: layout.titleBar)
        renderChart(into: &buffer, area: layout.chart)
        renderTable(into: &buffer, area: layout.table)
        buffer.fill(layout.statusBar, with: Cell(" ", role: .statusBar))
        let steps = state.snapshots.map(\.step).max() ?? 0
        buffer.write(
            " step \(steps) │ same data and start │ Space run  s step  r reset  ? help  q quit",
            x: 0, y: layout.statusBar.y, role: .statusBar, clip: layout.statusBar)
        if state.showsHelp {
            let lines = RaceState.keys
            let box = Rect(x: (state.width - 44) / 2, y: 3, width: 44, height: lines.count + 4)
            buffer.fill(box, with: Cell(" ", role: .help))
            PanelFrame(title: "Race keys").render(into: &buffer, area: box)
            for (offset, binding) in lines.enumerated() {
                buffer.write(binding.keys, x: box.x + 2, y: box.y + 2 + offset, role: .helpKey, clip: box)
                buffer.write(binding.action, x: box.x + 9, y: box.y + 2 + offset, role: .help, clip: box)
            }
        }
        return buffer
    }

    private func renderTitle(into buffer: inout Buffer, area: Rect) {
        buffer.fill(area, with: Cell(" ", role: .titleBar))
        let statuses = state.snapshots.map(\.status)
        let word = statuses.contains(.running) ? "RUNNING" : (statuses.allSatisfy { $0 == .ready } ? "READY" : "PAUSED")
        let x = buffer.write(
            " Descent race · \(state.dataName) (\(state.rowCount) rows) ", x: area.x, y: area.y, role: .titleBar, clip: area)
        buffer.write(" " + word + " ", x: x, y: area.y, role: .titleBar, attributes: [.bold], clip: area)
    }

    private func renderChart(into buffer: inout Buffer, area: Rect) {
        PanelFrame(title: "Training loss · " + (state.logLossAxis ? "log y" : "linear y")).render(into: &buffer, area: area)
        let inner = PanelFrame.inner(of: area)
        guard inner.height > 2 else { return }
        var x = inner.x + 1
        for (index, contestant) in state.contestants.enumerated() {
            let style = Self.style(index)
            let symbol = state.renderMode.usesUnicode ? (style.dashed ? "┅" : "━") : String(style.marker)
            x = buffer.write("\(symbol) \(contestant.label)  ", x: x, y: inner.y, role: style.role, clip: inner)
        }
        let chart = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        let series = curves.enumerated().compactMap { index, curve -> Series? in
            guard !curve.buckets.isEmpty, index < state.contestants.count else { return nil }
            let style = Self.style(index)
            return Series(
                name: state.contestants[index].label, role: style.role, marker: style.marker, dashed: style.dashed,
                buckets: LossPanel.buckets(curve))
        }
        if series.isEmpty {
            buffer.write("press Space to start the race, s to step", x: chart.x + 1, y: chart.y + chart.height / 2, role: .dim, clip: chart)
        } else {
            LineChart(
                series: series, yScale: state.logLossAxis ? .logarithmic : .linear, mode: state.renderMode,
                showsLegend: false, xName: "step"
            ).render(into: &buffer, area: chart)
        }
        for word in state.toolbar() {
            let active = word.action == .run && state.isRunning
            buffer.write("[" + word.text + "]", x: word.area.x, y: word.area.y, role: active ? .buttonActive : .button, clip: area)
        }
    }

    /// One row per contestant: rate, steps, loss, status, and as many weights as fit.
    private func renderTable(into buffer: inout Buffer, area: Rect) {
        PanelFrame(title: "Weights per method").render(into: &buffer, area: area)
        let inner = PanelFrame.inner(of: area)
        guard inner.height > 1 else { return }
        let fixed = [("method", 14), ("lr", 9), ("step", 8), ("train MSE", 11)]
        let weightWidth = 10
        let names = state.featureNames + (state.snapshots.first?.intercept != nil ? ["b"] : [])
        let fixedWidth = fixed.reduce(0) { $0 + $1.1 }
        let shown = max(0, min(names.count, (inner.width - 2 - fixedWidth) / weightWidth))
        var x = inner.x + 1
        for (title, width) in fixed {
            buffer.write(title, x: x, y: inner.y, role: .label, clip: inner)
            x += width
        }
        // The intercept matters to a learner comparing fits: show it even when features are cut.
        var columns = Array(0..<shown)
        if shown < names.count, shown > 0, names.last == "b" { columns[shown - 1] = names.count - 1 }
        for column in columns {
            buffer.write(String(names[column].prefix(weightWidth - 1)), x: x, y: inner.y, role: .label, clip: inner)
            x += weightWidth
        }
        for (index, contestant) in state.contestants.enumerated() where inner.y + 1 + index < inner.bottom {
            let y = inner.y + 1 + index
            let snapshot = index < state.snapshots.count ? state.snapshots[index] : TrainingSnapshot()
            let style = Self.style(index)
            x = inner.x + 1
            var cells = [
                contestant.label, Readout.rate(contestant.hyperparameters.learningRate), "\(snapshot.step)",
                snapshot.status == .diverged ? "diverged" : Readout.number(snapshot.trainLoss),
            ]
            for (offset, (_, width)) in fixed.enumerated() {
                buffer.write(
                    String(cells.removeFirst().prefix(width - 1)), x: x, y: y, role: offset == 0 ? style.role : .value, clip: inner)
                x += width
            }
            let values = snapshot.weights + (snapshot.intercept.map { [$0] } ?? [])
            for column in columns {
                let value = column < values.count ? values[column] : .nan
                buffer.write(Readout.number(value), x: x, y: y, role: value < 0 ? .weightNegative : .weightPositive, clip: inner)
                x += weightWidth
            }
        }
    }
}
