// The Loss panel: train and test loss over steps or epochs, log y by default, ghosts, smoothing, the optimum.
import MessageText
import Engine
import Foundation
import Plot

/// Loss curves with a legend row naming each series and its latest value, and a row per pinned ghost.
struct LossPanel {
    var state: TrainerState
    var charts: ChartData

    /// Ghosts cycle dashes and markers so each reads apart from the others even without colour.
    static let ghostMarkers: [Character] = ["1", "2", "3", "4", "5"]

    func render(into buffer: inout Buffer, area: Rect) {
        let h = state.snapshot.hyperparameters
        // With a penalty the chart is the full objective, and the title says so.
        let penalties = (h.l2 > 0 ? " + α₂‖w‖²" : "") + (h.l1 > 0 ? " + α₁‖w‖₁" : "")
        let plain = h.loss == .mse && penalties.isEmpty
        var title = (plain ? "Loss · " : "Loss J = \(h.loss.formula)\(penalties) · ") + (state.logLossAxis ? "log y" : "linear y")
        if state.smoothing.notch > 0 { title += " · smoothed" }
        if state.showsRate { title += " · rate: own scale" }
        PanelFrame(title: title).render(into: &buffer, area: area)
        let inner = PanelFrame.inner(of: area)
        guard inner.height > 1 else { return }
        let topRows = drawLegend(into: &buffer, area: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: 2))
        // The convergence note's row is kept from the ghosts' rows, not from the chart's five.
        let settled = ConvergenceNote.note(for: state.status, message: state.snapshot.message, step: state.snapshot.step)
        let noteRow = settled == nil ? 0 : 1
        let ghostArea = Rect(x: inner.x, y: inner.y + topRows - 1, width: inner.width, height: inner.height - topRows + 1)
        let legendRows = topRows + drawGhostLegend(into: &buffer, area: ghostArea, reserving: noteRow)
        var chartArea = Rect(x: inner.x, y: inner.y + legendRows, width: inner.width, height: inner.height - legendRows)
        if let note = settled {
            // The note takes rows from the chart rather than covering any of it.
            let lines = note.lines(width: chartArea.width - 2, maxLines: ConvergenceNote.rowBudget(chartHeight: chartArea.height))
            note.render(lines, into: &buffer, area: Rect(x: chartArea.x, y: chartArea.y, width: chartArea.width, height: lines.count))
            chartArea.y += lines.count
            chartArea.height -= lines.count
        }
        if let divergence = state.divergence, chartArea.height > 1 {
            // One row above the chart; the full account is in the Controls panel. The loss running away stays in view.
            divergence.renderLine(into: &buffer, area: Rect(x: chartArea.x, y: chartArea.y, width: chartArea.width, height: 1))
            chartArea.y += 1
            chartArea.height -= 1
        }
        drawChart(into: &buffer, area: chartArea)
    }

    /// Each line's symbol, name and latest value. When they do not fit, tighter gaps, then fewer entries (the
    /// optimum first): never a value cut short, which would read as another number. A stale loss's batch average
    /// takes a second row where it does not fit beside it. Returns the rows used.
    @discardableResult
    private func drawLegend(into buffer: inout Buffer, area: Rect) -> Int {
        // A full loss evaluated steps ago says how old it is, with the running average of the recent batch losses
        // beside it (what the steps see now); the shorter "(N old)" where the long form does not fit.
        let age = state.snapshot.staleTrainLossAge
        func train(long: Bool) -> String {
            NumberText.figure(state.snapshot.trainLoss) + (age.map { long ? " (\($0) steps old)" : " (\($0) old)" } ?? "")
        }
        var entries: [(label: String, role: StyleRole, value: String)] = [("━ train", .lossTrain, train(long: true))]
        let average = age == nil ? nil : state.snapshot.batchLossAverage.map { "batch avg " + NumberText.figure($0) }
        if let test = state.snapshot.testLoss {
            entries.append((state.renderMode.usesUnicode ? "┅ test" : "+ test", .lossTest, NumberText.figure(test)))
        }
        if state.isComparing, let optimum = state.snapshot.closedForm?.trainLoss {
            entries.append(("╌ loss*", .reference, NumberText.figure(optimum)))
        }
        if state.showsRate {
            let values = charts.rate.buckets.flatMap { [$0.min, $0.max] }
            let range = values.isEmpty
                ? NumberText.rate(state.currentLearningRate)
                : NumberText.rate(values.max()!) + "…" + NumberText.rate(values.min()!)
            entries.append((state.renderMode.usesUnicode ? "┄ rate" : ": rate", .dim, range))
        }
        func width(gap: Int) -> Int { entries.reduce(0) { $0 + $1.label.count + 1 + $1.value.count } + gap * (entries.count - 1) }
        if width(gap: 1) > area.width { entries[0].value = train(long: false) }
        while entries.count > 1, width(gap: 1) > area.width { entries.removeLast() }
        let gap = width(gap: 2) <= area.width ? 2 : 1
        var x = area.x
        for entry in entries {
            x = buffer.write(entry.label + " ", x: x, y: area.y, role: entry.role, clip: area)
            x = buffer.write(entry.value, x: x, y: area.y, role: .legend, clip: area) + gap
        }
        guard let text = average else { return 1 }
        if x + text.count <= area.right {
            buffer.write(text, x: x, y: area.y, role: .legend, clip: area)
            return 1
        }
        buffer.write(text, x: area.x + 2, y: area.y + 1, role: .legend, clip: area)
        return 2
    }

    /// Names the ghosts under the train legend: a row each with the full label while the chart keeps five
    /// rows (and `reserved` more for a note), else short labels packed into the rows there are. Returns the
    /// rows used.
    private func drawGhostLegend(into buffer: inout Buffer, area inner: Rect, reserving reserved: Int) -> Int {
        let ghosts = state.ghosts.runs
        guard !ghosts.isEmpty else { return 0 }
        let spare = max(1, inner.height - 1 - 5 - reserved)
        let mode = state.renderMode
        var lines: [String]
        if ghosts.count <= spare {
            lines = ghosts.enumerated().map { "\(Self.ghostSymbol($0.offset, mode: mode)) \($0.element.label)" }
        } else {
            lines = ["ghosts"]
            for (index, ghost) in ghosts.enumerated() {
                let item = "\(Self.ghostSymbol(index, mode: mode)) \(Self.shortLabel(ghost))"
                if lines[lines.count - 1].count + 1 + item.count > inner.width - 2, lines.count < spare {
                    lines.append(item)
                } else {
                    lines[lines.count - 1] += " " + item
                }
            }
        }
        for (offset, line) in lines.enumerated() {
            buffer.write(line, x: inner.x + 1, y: inner.y + 1 + offset, role: .ghost, clip: inner)
        }
        return lines.count
    }

    /// "gd 0.1/200": a ghost's method, rate and batch in a few cells (the row says they are ghosts).
    static func shortLabel(_ ghost: GhostRun) -> String {
        ghost.method.rawValue + " " + NumberText.rate(ghost.learningRate) + "/\(ghost.batchSize)"
    }

    /// The legend symbol of ghost `index`: its dash style and its number.
    static func ghostSymbol(_ index: Int, mode: RenderMode) -> String {
        let dash = index % 2 == 0 ? (mode.usesUnicode ? "─" : "-") : (mode.usesUnicode ? "╌" : ".")
        return dash + "\(index + 1)"
    }

    /// Plot's line chart of the decimated histories, ghosts behind, the optimum as a reference line while comparing.
    private func drawChart(into buffer: inout Buffer, area: Rect) {
        let ghosts = state.ghosts.runs
        guard charts.trainLoss.totalSteps > 0 && !charts.trainLoss.buckets.isEmpty || !ghosts.isEmpty else {
            // Wrapped, so a half-width panel at 80 columns does not cut the hint off.
            let lines = DivergenceBanner.wrap("press Space to train, s to step", width: area.width - 2)
            for (offset, line) in lines.enumerated() {
                buffer.write(line, x: area.x + 1, y: area.y + area.height / 2 - lines.count / 2 + offset, role: .dim, clip: area)
            }
            return
        }
        let axis = EpochAxis(snapshot: state.snapshot, trainingRows: state.rowCount)
        var series: [Series] = []
        for (index, ghost) in ghosts.enumerated() {
            let ghostAxis = EpochAxis(stepsPerEpoch: Double(state.rowCount) / Double(max(1, ghost.batchSize)))
            series.append(Series(
                name: ghost.label, role: .ghost, marker: Self.ghostMarkers[index % Self.ghostMarkers.count],
                pattern: index % 2 == 1 ? .dashed : .solid, marksLine: true, buckets: buckets(ghost.curve, axis: ghostAxis)))
        }
        series.append(Series(name: "train", role: .lossTrain, marker: "*", buckets: buckets(charts.trainLoss, axis: axis)))
        if let test = charts.testLoss, !test.buckets.isEmpty {
            series.append(Series(name: "test", role: .lossTest, marker: "+", pattern: .dashed, buckets: buckets(test, axis: axis)))
        }
        if state.showsRate, let rate = rateSeries(over: series, axis: axis) { series.append(rate) }
        var references: [ReferenceLine] = []
        if state.isComparing, let optimum = state.snapshot.closedForm?.trainLoss, optimum.isFinite {
            references.append(ReferenceLine(value: optimum, role: .reference, label: "loss*"))
        }
        let yScale: AxisScale = state.logLossAxis ? .logarithmic : .linear
        var (xRange, yRange) = Self.steadyRanges(series: series, references: references, yScale: yScale)
        // Where the training points changed: the loss jumps there (an edit at the newest step is on the axis too).
        let marks = state.snapshot.dataEditSteps.map { state.showsEpochs ? axis.epoch(atStep: $0) : Double($0) }
        if let last = marks.last, let range = xRange, last > range.upperBound {
            xRange = 0...SteadyRange.span(upTo: last)
        }
        var chart = LineChart(
            series: series, referenceLines: references, yScale: yScale,
            mode: state.renderMode, smoothing: state.smoothing.weight, showsLegend: false, xRange: xRange, yRange: yRange,
            xName: state.showsEpochs ? "epoch" : "step", xIsWhole: !state.showsEpochs)
        chart.xMarks = marks
        chart.xMarkLabel = "data edited"
        chart.render(into: &buffer, area: area)
    }

    /// The chart's ranges snapped to steady stops (`SteadyRange`): from 0 to a span just past the last step, and the
    /// loss range widened to quarter decades, so a frame one step later redraws only the curve's new end.
    static func steadyRanges(
        series: [Series], references: [ReferenceLine], yScale: AxisScale
    ) -> (x: ClosedRange<Double>?, y: ClosedRange<Double>?) {
        var xHigh = -Double.infinity, low = Double.infinity, high = -Double.infinity
        func take(_ y: Double) {
            guard y.isFinite, yScale == .linear || y > 0 else { return }
            low = Swift.min(low, y)
            high = Swift.max(high, y)
        }
        for line in series {
            switch line.data {
            case .buckets(let buckets):
                for bucket in buckets {
                    if bucket.x1.isFinite { xHigh = Swift.max(xHigh, bucket.x1) }
                    take(bucket.min)
                    take(bucket.max)
                }
            case .points(let xs, let ys):
                for x in xs where x.isFinite { xHigh = Swift.max(xHigh, x) }
                ys.forEach(take)
            }
        }
        references.forEach { take($0.value) }
        let x = xHigh.isFinite && xHigh > 0 ? 0...SteadyRange.span(upTo: xHigh) : nil
        return (x, SteadyRange.range(low: low, high: high, scale: yScale))
    }

    /// The scheduled rate mapped onto the loss axis's span so it fills the chart on its own scale (log-linear
    /// on a log axis, linear on a linear one); the legend gives its real range. nil without a rate history.
    private func rateSeries(over series: [Series], axis: EpochAxis) -> Series? {
        let rates = buckets(charts.rate, axis: axis)
        guard !rates.isEmpty else { return nil }
        let log = state.logLossAxis
        var losses: [Double] = []
        for line in series {
            switch line.data {
            case .buckets(let buckets): for bucket in buckets { losses += [bucket.min, bucket.max] }
            case .points(_, let ys): losses += ys
            }
        }
        losses = losses.filter { $0.isFinite && (!log || $0 > 0) }
        guard var low = losses.min(), var high = losses.max() else { return nil }
        if high <= low { (low, high) = log ? (low / 2, low * 2) : (low - 1, low + 1) }
        var values: [Double] = []
        for bucket in rates where bucket.min > 0 && bucket.max.isFinite { values += [bucket.min, bucket.max] }
        guard let rLow = values.min(), let rHigh = values.max() else { return nil }
        let span = Foundation.log(rHigh) - Foundation.log(rLow)
        func place(_ r: Double) -> Double {
            let f: Double = span > 0 ? (Foundation.log(r) - Foundation.log(rLow)) / span : 0.5
            return log ? low * Foundation.pow(high / low, f) : low + (high - low) * f
        }
        let mapped = rates.map { Series.Bucket(x0: $0.x0, x1: $0.x1, min: place($0.min), max: place($0.max), last: place($0.last)) }
        return Series(name: "rate", role: .dim, marker: ":", pattern: .dashed, buckets: mapped)
    }

    /// Buckets in steps, or in epochs when the x axis shows epochs.
    private func buckets(_ curve: LossCurve, axis: EpochAxis) -> [Series.Bucket] {
        guard state.showsEpochs else { return Self.buckets(curve) }
        return curve.buckets.map {
            Series.Bucket(
                x0: axis.epoch(atStep: $0.firstStep), x1: axis.epoch(atStep: $0.lastStep), min: $0.min, max: $0.max,
                last: $0.last)
        }
    }

    static func buckets(_ curve: LossCurve) -> [Series.Bucket] {
        curve.buckets.map { Series.Bucket(x0: Double($0.firstStep), x1: Double($0.lastStep), min: $0.min, max: $0.max, last: $0.last) }
    }
}
