// The live race view: every contestant's loss in one chart, and a table of their weights.
import MessageText
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
            let lines = RaceKeymap.keys.commands
            let box = Rect(x: (state.width - 44) / 2, y: 3, width: 44, height: lines.count + 4)
            buffer.fill(box, with: Cell(" ", role: .help))
            PanelFrame(title: "Race keys").render(into: &buffer, area: box)
            for (offset, binding) in lines.enumerated() {
                buffer.write(binding.keys, x: box.x + 2, y: box.y + 2 + offset, role: .helpKey, clip: box)
                buffer.write(binding.help, x: box.x + 9, y: box.y + 2 + offset, role: .help, clip: box)
            }
        }
        return buffer
    }

    /// The race's state in one word. A race every contestant ended by itself (step limit, convergence,
    /// divergence) is FINISHED, not PAUSED: the class should not wait for it to go on.
    static func word(for statuses: [TrainingStatus]) -> String {
        if statuses.contains(.running) { return "RUNNING" }
        if statuses.allSatisfy({ $0 == .ready }) { return "READY" }
        if statuses.allSatisfy({ $0 != .ready && $0 != .paused }) { return "FINISHED" }
        return "PAUSED"
    }

    private func renderTitle(into buffer: inout Buffer, area: Rect) {
        buffer.fill(area, with: Cell(" ", role: .titleBar))
        let statuses = state.snapshots.map(\.status)
        let word = Self.word(for: statuses)
        let others = " Descent race ·  (\(state.rowCount) rows) ".count + "FINISHED".count + 2
        let name = TitleBar.fit(state.dataName, width: area.width - others)
        let x = buffer.write(" Descent race · \(name) (\(state.rowCount) rows) ", x: area.x, y: area.y, role: .titleBar, clip: area)
        buffer.write(" " + word + " ", x: x, y: area.y, role: .titleBar, attributes: [.bold], clip: area)
    }

    private func renderChart(into buffer: inout Buffer, area: Rect) {
        PanelFrame(title: "Training loss · " + (state.logLossAxis ? "log y" : "linear y")).render(into: &buffer, area: area)
        let inner = PanelFrame.inner(of: area)
        guard inner.height > 2 else { return }
        let looks = RaceLook.looks(state.contestants)
        let lines = state.contestants.indices.map { index in
            Series(
                name: state.contestants[index].label, role: looks[index].role, marker: looks[index].marker,
                pattern: looks[index].pattern, marksLine: true,
                // Nothing until the first step: a lone dot at step 0 says less than the hint to start.
                buckets: index < curves.count && curves[index].totalSteps > 0 ? LossPanel.buckets(curves[index]) : [])
        }
        drawLegend(lines, into: &buffer, area: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: 1))
        let chart = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        let series = lines.filter {
            if case let .buckets(buckets) = $0.data { return !buckets.isEmpty }
            return false
        }
        if series.isEmpty {
            buffer.write("press Space to start the race, s to step", x: chart.x + 1, y: chart.y + chart.height / 2, role: .dim, clip: chart)
        } else {
            LineChart(
                series: series, yScale: state.logLossAxis ? .logarithmic : .linear, mode: state.renderMode,
                showsLegend: false, xName: "step", xIsWhole: true
            ).render(into: &buffer, area: chart)
        }
        for word in state.toolbar() {
            let active = word.action == .run && state.isRunning
            buffer.write("[" + word.text + "]", x: word.area.x, y: word.area.y, role: active ? .buttonActive : .button, clip: area)
        }
    }

    /// Each line's sample (its dashes and letter, as drawn in the chart) and name; shorter samples when the
    /// names would not fit.
    private func drawLegend(_ lines: [Series], into buffer: inout Buffer, area: Rect) {
        let mode = state.renderMode
        let names = lines.map(\.name).reduce(0) { $0 + $1.count }
        let sampleWidth = names + lines.count * 8 - 2 <= area.width ? 5 : 3
        var x = area.x
        for line in lines {
            x = buffer.write(LineChart.sample(of: line, mode: mode, width: sampleWidth), x: x, y: area.y, role: line.role, clip: area)
            x = buffer.write(" " + line.name, x: x, y: area.y, role: line.role, clip: area) + 2
        }
    }

    /// One row per contestant: rate, steps, loss, status, and every weight (wrapping onto more lines when
    /// narrow, see `RaceTable`). The chosen contestant (↑ ↓, whose rate + and - change) has a mark before it.
    private func renderTable(into buffer: inout Buffer, area: Rect) {
        let hint = state.renderMode.usesUnicode ? " · ↑↓ choose · + - its lr" : " · arrows choose · + - its lr"
        PanelFrame(title: "Weights per method" + hint).render(into: &buffer, area: area)
        let inner = PanelFrame.inner(of: area)
        guard inner.height > 1 else { return }
        let table = state.table
        let names = state.parameterNames
        let left = inner.x + 1
        var y = inner.y
        for (line, columns) in table.lines.enumerated() where y < inner.bottom {
            var x = left
            if line == 0 {
                for (title, width) in table.fixed {
                    buffer.write(title, x: x, y: y, role: .label, clip: inner)
                    x += width
                }
            } else {
                x = left + table.weightStart(line: line)
            }
            for column in columns {
                buffer.write(String(names[column].prefix(table.weightWidth - 1)), x: x, y: y, role: .label, clip: inner)
                x += table.weightWidth
            }
            y += 1
        }
        let looks = RaceLook.looks(state.contestants)
        for (index, contestant) in state.contestants.enumerated() {
            let snapshot = index < state.snapshots.count ? state.snapshots[index] : TrainingSnapshot()
            let values = snapshot.weights + (snapshot.intercept.map { [$0] } ?? [])
            for (line, columns) in table.lines.enumerated() where y < inner.bottom {
                var x = left
                if line == 0 {
                    if index == state.selected {
                        buffer.write(state.renderMode.usesUnicode ? "▸" : ">", x: inner.x, y: y, role: .labelFocus, clip: inner)
                    }
                    // A rate above its own rule's bound (from the engine's 2/λmax) is marked, as the trainer's slider does.
                    let h = contestant.hyperparameters
                    let bound = snapshot.largestStableLearningRate
                    let above = bound.isFinite && bound > 0 && (h.stability(fullBatchBound: bound).rate.map { h.learningRate > $0 } ?? false)
                    var cells = [
                        contestant.label, NumberText.rate(h.learningRate) + (above ? "!" : ""), "\(snapshot.step)",
                        snapshot.status == .diverged ? "diverged" : NumberText.figure(snapshot.trainLoss),
                    ]
                    for (offset, (_, width)) in table.fixed.enumerated() {
                        let rateRole: StyleRole = above ? .sliderWarning : (index == state.selected ? .labelFocus : .value)
                        let role: StyleRole = offset == 0 ? looks[index].role : (offset == 1 ? rateRole : .value)
                        buffer.write(String(cells.removeFirst().prefix(width - 1)), x: x, y: y, role: role, clip: inner)
                        x += width
                    }
                } else {
                    x = left + table.weightStart(line: line)
                }
                for column in columns {
                    let value = column < values.count ? values[column] : .nan
                    let text = table.weightWidth < 10 ? NumberText.compact(value, maxWidth: table.weightWidth - 1) : NumberText.figure(value)
                    buffer.write(text, x: x, y: y, role: value < 0 ? .weightNegative : .weightPositive, clip: inner)
                    x += table.weightWidth
                }
                y += 1
            }
        }
    }
}
