// The bottom row: step, epoch, method, learning rate, batch, errors and speed, always visible.
import MessageText
import Engine
import Plot

/// `step 1234 │ epoch 6.2 │ GD · plain │ lr 0.1 │ batch 200 │ train MSE 0.0123 │ R² 0.987 │ 12.3k steps/s`,
/// shortened on narrow screens so every figure still shows.
struct StatusBar {
    var snapshot: TrainingSnapshot
    /// As shown (the scaling `z` just asked for, before the engine has applied it).
    var standardized: Bool
    var hyperparameters: Hyperparameters
    var rowCount: Int
    /// The rate the next step takes (η₀ through the schedule).
    var currentLearningRate: Double? = nil

    static func methodName(_ method: TrainingMethod) -> String {
        switch method {
        case .gd: return "GD"
        case .sgd: return "SGD"
        case .minibatch: return "mini-batch"
        }
    }

    /// `GD`, `SGD+adam`, `MB+mom`: the method and any non-plain update rule in a few letters.
    static func shortMethodName(_ hyperparameters: Hyperparameters) -> String {
        let method = hyperparameters.method == .minibatch ? "MB" : methodName(hyperparameters.method)
        switch hyperparameters.update {
        case .plain: return method
        case .momentum: return method + "+mom"
        case .nesterov: return method + "+nag"
        case .adam: return method + "+adam"
        }
    }

    /// Rows per step as the method uses them.
    var effectiveBatch: Int {
        switch hyperparameters.method {
        case .gd: return rowCount
        case .sgd: return 1
        case .minibatch: return min(rowCount, max(1, hyperparameters.batchSize))
        }
    }

    /// The figures in order; `scaling` adds "z-scores" or "raw" (left out only when nothing else fits).
    /// `widest` pads the figures that hop about from frame to frame (losses, R², speed) to the widest they
    /// take in their notation, for choosing a form that does not flicker.
    func fields(compact: Bool, scaling: Bool = true, widest: Bool = false) -> [String] {
        func number(_ value: Double, signed: Bool = false) -> String {
            let text = NumberText.figure(value)
            guard widest else { return text }
            let width = (text.contains("e") ? 8 : 6) + (signed ? 1 : 0)
            return text.padding(toLength: max(text.count, width), withPad: " ", startingAt: 0)
        }
        let speed = NumberText.count(snapshot.stepsPerSecond)
        var fields = [
            "step \(snapshot.step)",
            (compact ? "ep " : "epoch ") + NumberText.epoch(snapshot.epoch),
            compact ? Self.shortMethodName(hyperparameters) : Self.methodName(hyperparameters.method) + " · " + hyperparameters.update.rawValue,
            "lr " + NumberText.rate(currentLearningRate ?? hyperparameters.learningRate)
                + (hyperparameters.schedule.kind == .constant ? "" : "↓"),
            "batch \(effectiveBatch)",
            (compact ? "" : "train ") + hyperparameters.loss.shortName + " " + number(snapshot.trainLoss)
                + age(compact: compact, widest: widest),
            "R² " + number(snapshot.trainR2, signed: true),
        ]
        // The batch average beside a stale loss in the long form; the loss panel's legend always has it.
        if !compact, snapshot.staleTrainLossAge != nil, let average = snapshot.batchLossAverage {
            fields.insert("batch avg " + number(average), at: 6)
        }
        if scaling { fields.insert(standardized ? "z-scores" : "raw", at: 5) }
        // Full-batch GD takes one epoch a step: in the short form the epoch would only repeat the step.
        if compact, hyperparameters.method == .gd { fields.remove(at: 1) }
        if !compact, let test = snapshot.testLoss { fields.append("test \(hyperparameters.loss.shortName) " + number(test)) }
        fields.append((widest ? speed.padding(toLength: max(4, speed.count), withPad: " ", startingAt: 0) : speed)
            + (compact ? "/s" : " steps/s"))
        return fields
    }

    /// " (480 steps old)" after a full loss evaluated steps ago (padded to a fixed width when `widest`), else "".
    private func age(compact: Bool, widest: Bool) -> String {
        guard let age = snapshot.staleTrainLossAge else { return "" }
        let count = widest ? String(repeating: "9", count: max(5, String(age).count)) : String(age)
        return compact ? " (\(count) old)" : " (\(count) steps old)"
    }

    /// The point cursor mode's keys, in place of the figures while it is on (the longest form that fits).
    static func renderPointCursorKeys(onLandscape: Bool = false, into buffer: inout Buffer, area: Rect) {
        buffer.fill(area, with: Cell(" ", role: .statusBar))
        let forms = onLandscape ? [
            " start cursor: arrows move │ a or Enter: start here │ r back to the configured start │ Esc done",
            " cursor: arrows move · a start here · r configured start · Esc done",
            " arrows move · a start here · r back · Esc done",
        ] : [
            " point cursor: arrows move │ a add a point │ d remove the nearest │ O outlier │ U undo all │ Esc done",
            " cursor: arrows move · a add · d remove nearest · O outlier · U undo all · Esc done",
            " arrows move · a add · d remove · O outlier · U undo · Esc done",
        ]
        let line = forms.first { $0.count <= area.width } ?? forms[forms.count - 1]
        buffer.write(line, x: area.x, y: area.y, role: .statusBar, clip: area)
    }

    /// Hand-fit mode: the line's figures, then its keys as far as the width allows (the figures always first).
    static func renderHandFit(figures: [String], into buffer: inout Buffer, area: Rect) {
        buffer.fill(area, with: Cell(" ", role: .statusBar))
        let keys = ["Space: gradient descent from here │ Esc done", "Space: GD from here · Esc", "Space GD"]
        let head = " hand fit │ " + figures.joined(separator: " │ ")
        let compact = " " + figures.joined(separator: "  ")
        let line = ([head + " │ " + keys[0], head + " │ " + keys[1], compact + "  " + keys[1], compact + "  " + keys[2]]
            .first { $0.count <= area.width }) ?? compact
        buffer.write(line, x: area.x, y: area.y, role: .statusBar, clip: area)
    }

    func render(into buffer: inout Buffer, area: Rect) {
        buffer.fill(area, with: Cell(" ", role: .statusBar))
        // The form is chosen at the figures' widest, so a loss hopping between 0.9xxx and 1.xxx keeps the bar still.
        let forms: [(prefix: String, compact: Bool, scaling: Bool, separator: String)] = [
            (" ", false, true, " │ "), (" ", true, true, " │ "), (" ", true, true, "  "), ("", true, true, " "),
            ("", true, false, " "),
        ]
        let form = forms.first {
            ($0.prefix + fields(compact: $0.compact, scaling: $0.scaling, widest: true).joined(separator: $0.separator)).count
                <= area.width
        } ?? forms[forms.count - 1]
        let line = form.prefix + fields(compact: form.compact, scaling: form.scaling).joined(separator: form.separator)
        buffer.write(line, x: area.x, y: area.y, role: .statusBar, clip: area)
    }
}
