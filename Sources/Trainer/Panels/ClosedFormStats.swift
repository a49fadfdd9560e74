// The figures under the controls: κ of the design GD runs on, and the closed-form comparison once asked for.
import MessageText
import Engine
import Foundation
import Plot

/// Shows the condition number GD feels (it moves with `z`), and how far gradient descent is from the exact
/// least-squares answer once `c` has asked for it.
struct ClosedFormStats {
    var state: TrainerState

    /// The figures as (label, value) pairs; nil while the solution is being computed.
    var figures: [(String, String)]? {
        guard let solution = state.snapshot.closedForm else { return nil }
        let w = state.snapshot.weights
        var distance = Double.nan
        if w.count == solution.weights.count {
            distance = sqrt(zip(w, solution.weights).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) })
        }
        return [
            ("‖w − w*‖", NumberText.figure(distance)),
            ("loss − loss*", NumberText.figure(Self.excessLoss(state.snapshot.trainLoss, optimum: solution.trainLoss))),
            ("rank", "\(solution.rank)"),
            gradientDescentCondition,
        ] + (markLine.map { [("", $0)] } ?? [])
    }

    /// What the lr slider's mark stands for: the update rule's bound ("┃ 2(1+β)/λmax = 0.475"), "no fixed bound"
    /// under Adam, and for SGD and mini-batch that the full-batch figure is a guide. nil until the bound is known.
    var markLine: String? {
        var bound = state.snapshot.largestStableLearningRate
        if !(bound.isFinite && bound > 0), let solved = state.snapshot.closedForm?.largestStableLearningRate { bound = solved }
        guard bound.isFinite && bound > 0 else { return nil }
        return (state.renderMode.usesUnicode ? "┃ " : "| ") + ControlsPanel(state: state).stabilityRule(bound: bound).markLabel
    }

    /// κ of the design GD runs on now: the one standardization changes (GD needs about κ² steps).
    var gradientDescentCondition: (String, String) {
        guard let kappa = state.snapshot.conditionNumber else { return ("κ GD", NumberText.missing) }
        return ("κ GD", kappa.isInfinite ? "∞" : NumberText.figure(kappa))
    }

    /// loss − loss*, with rounding noise below the optimum shown as 0: gradient descent cannot beat least squares.
    static func excessLoss(_ loss: Double, optimum: Double) -> Double {
        let excess = loss - optimum
        return excess < 0 && -excess <= 1e-9 * max(1, abs(optimum)) ? 0 : excess
    }

    func render(into buffer: inout Buffer, area full: Rect) {
        guard full.height > 0, full.width > 0 else { return }
        var area = full
        if !state.isComparing || state.snapshot.closedForm == nil, let markLine, area.height > 1 {
            buffer.write(markLine, x: area.x, y: area.y, role: .label, clip: area)
            area.y += 1
            area.height -= 1
        }
        // After a divergence its full account takes the free rows: the loss chart keeps all but one of its own.
        if let divergence = state.divergence, area.height > 0 {
            for (offset, line) in divergence.detail(width: area.width, maxLines: area.height).enumerated() {
                buffer.write(line, x: area.x, y: area.y + offset, role: .error, clip: area)
            }
            return
        }
        guard state.isComparing, let figures else {
            let next = write([gradientDescentCondition], into: &buffer, area: area)
            let hint = state.isComparing ? "closed form: computing…" : "c: compare with the closed form"
            let fits = next.x + hint.count <= area.right
            buffer.write(hint, x: fits ? next.x : area.x, y: fits ? next.y : next.y + 1, role: .dim, clip: area)
            return
        }
        write(figures, into: &buffer, area: area)
    }

    /// Packs the figures into as few rows as the width allows, in order; returns where the next one would go.
    @discardableResult
    private func write(_ figures: [(String, String)], into buffer: inout Buffer, area: Rect) -> (x: Int, y: Int) {
        var x = area.x, y = area.y
        for (label, value) in figures {
            let width = (label.isEmpty ? 0 : label.count + 1) + value.count
            if x > area.x, x + width > area.right { x = area.x; y += 1 }
            guard y < area.bottom else { break }
            if !label.isEmpty { x = buffer.write(label + " ", x: x, y: y, role: .label, clip: area) }
            x = buffer.write(value, x: x, y: y, role: .weightOptimum, clip: area) + 3
        }
        return (x, y)
    }
}
