// The Weights panel's second view: each coefficient over the steps, converging to its dashed closed-form value.
import Engine
import Plot

/// One line per coefficient (the intercept included) from the engine's thinned parameter trajectory, with w*
/// as a dashed reference in the line's colour and labelled with its marker. The lines kept are the largest
/// by |w*| (by |w| until the closed form is known); the rest are named as hidden.
struct WeightPathsPanel {
    var state: TrainerState
    var charts: ChartData

    /// One drawn coefficient: its index (the feature count stands for the intercept), name and look.
    struct Line: Equatable {
        var index: Int
        var name: String
        var marker: Character
        var role: StyleRole
        var pattern: LinePattern
    }

    static let roles: [StyleRole] = (1...6).map { StyleRole("weights.path.\($0)") }
    static let patterns: [LinePattern] = [.solid, .dashed, .dotted, .dashDot, .longDash]
    /// More lines than this never read apart, whatever the panel's size.
    static let maximumLines = 12

    func render(into buffer: inout Buffer, area: Rect) {
        let units = charts.weightPathsStandardized ? " · z units" : ""
        PanelFrame(title: "Weights over " + (state.showsEpochs ? "epochs" : "steps") + units).render(into: &buffer, area: area)
        let inner = PanelFrame.inner(of: area)
        guard inner.height > 2, inner.width > 4 else { return }
        let all = Self.ranked(state: state, current: charts.weightPaths.last, optimum: charts.weightPathOptimum)
        let shown = Array(all.prefix(Self.lineCount(available: all.count, height: inner.height)))
        let legend = Self.legendLines(shown: shown, hidden: all.dropFirst(shown.count).map(\.name), mode: state.renderMode, width: inner.width - 1)
        for (row, line) in legend.prefix(max(0, inner.height - 5)).enumerated() {
            var x = inner.x + 1
            for (text, role) in line {
                x = buffer.write(text, x: x, y: inner.y + row, role: role, clip: inner)
            }
        }
        let legendRows = min(legend.count, max(0, inner.height - 5))
        let chartArea = Rect(x: inner.x, y: inner.y + legendRows, width: inner.width, height: inner.height - legendRows)
        let points = charts.weightPaths
        guard points.count >= 2 else {
            let hint = "press Space to train"
            buffer.write(hint, x: chartArea.x + max(1, (chartArea.width - hint.count) / 2), y: chartArea.y + chartArea.height / 2,
                         role: .dim, clip: chartArea)
            return
        }
        let axis = EpochAxis(snapshot: state.snapshot, trainingRows: state.rowCount)
        let xs = points.map { state.showsEpochs ? axis.epoch(atStep: $0.step) : Double($0.step) }
        let d = state.featureNames.count
        let optimum = charts.weightPathOptimum
        var series: [Series] = []
        var references: [ReferenceLine] = []
        for line in shown {
            let ys = points.map { point -> Double in
                line.index == d ? (point.intercept ?? .nan) : (line.index < point.weights.count ? point.weights[line.index] : .nan)
            }
            series.append(Series(
                name: line.name, role: line.role, marker: line.marker, pattern: line.pattern, marksLine: true, xs: xs, ys: ys))
            if let target = Self.value(of: line.index, featureCount: d, optimum: optimum), target.isFinite {
                references.append(ReferenceLine(value: target, role: line.role, label: "\(line.marker)*"))
            }
        }
        LineChart(
            series: series, referenceLines: references, mode: state.renderMode, showsLegend: false,
            xName: state.showsEpochs ? "epoch" : "step", xIsWhole: !state.showsEpochs
        ).render(into: &buffer, area: chartArea)
    }

    /// How many lines stay legible in a panel `height` rows high (inside the border).
    static func lineCount(available: Int, height: Int) -> Int {
        min(available, maximumLines, max(3, height - 3))
    }

    /// Every coefficient and the intercept, largest |w*| first (|w| before the closed form is known); ties keep
    /// the feature order. Each gets its look by feature index, so a line keeps its marker as others come and go.
    static func ranked(state: TrainerState, current: ParameterTrajectory.Point?, optimum: ParameterTrajectory.Point?) -> [Line] {
        let d = state.featureNames.count
        var indices = Array(0..<d)
        if state.snapshot.intercept != nil { indices.append(d) }
        func size(_ index: Int) -> Double {
            let value = optimum != nil
                ? value(of: index, featureCount: d, optimum: optimum)
                : value(of: index, featureCount: d, optimum: current)
            guard let value, value.isFinite else { return -1 }
            return abs(value)
        }
        let sorted = indices.enumerated().sorted { a, b in
            let sa = size(a.element), sb = size(b.element)
            return sa != sb ? sa > sb : a.offset < b.offset
        }.map(\.element)
        return sorted.map { index in
            Line(
                index: index, name: index == d ? "b" : state.featureNames[index], marker: marker(index, featureCount: d),
                role: roles[index % roles.count], pattern: patterns[index % patterns.count])
        }
    }

    /// The letter a line carries: 1…9 for the first features, then A, B, …; b for the intercept.
    static func marker(_ index: Int, featureCount d: Int) -> Character {
        if index == d { return "b" }
        if index < 9 { return Character(String(index + 1)) }
        let letters = Array("ACDEFGHIJKLMNOPQRSTUVWXYZ")
        return letters[(index - 9) % letters.count]
    }

    /// wⱼ of a point (w* for the optimum), or b for the intercept's index.
    static func value(of index: Int, featureCount d: Int, optimum: ParameterTrajectory.Point?) -> Double? {
        guard let optimum else { return nil }
        if index == d { return optimum.intercept }
        return index < optimum.weights.count ? optimum.weights[index] : nil
    }

    /// The legend as rows of (text, role) pieces: each shown line's sample and name, packed into `width`
    /// cells, then "hidden: …" naming the rest.
    static func legendLines(shown: [Line], hidden: [String], mode: RenderMode, width: Int) -> [[(String, StyleRole)]] {
        var rows: [[(String, StyleRole)]] = [[]]
        var used = 0
        func add(_ pieces: [(String, StyleRole)]) {
            let length = pieces.reduce(0) { $0 + $1.0.count }
            if used > 0, used + 2 + length > width {
                rows.append([])
                used = 0
            }
            if used > 0 {
                rows[rows.count - 1].append(("  ", .text))
                used += 2
            }
            rows[rows.count - 1] += pieces
            used += length
        }
        for line in shown {
            let sample = LineChart.sample(
                of: Series(name: line.name, role: line.role, marker: line.marker, pattern: line.pattern, marksLine: true, xs: [], ys: []),
                mode: mode, width: 3)
            add([(sample, line.role), (" " + line.name, .legend)])
        }
        if !hidden.isEmpty {
            let names = hidden.count <= 3 ? hidden.joined(separator: ", ") : hidden.prefix(2).joined(separator: ", ") + " +\(hidden.count - 2)"
            add([("hidden: " + names, .dim)])
        }
        return rows
    }
}
