// The closed-form figures under the controls: distance to w*, excess loss, rank, condition number, stable rate.
import Engine
import Foundation
import Plot

/// Shows how far gradient descent is from the exact least-squares answer once `c` has asked for it.
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
            ("‖w − w*‖", Readout.number(distance)),
            ("loss − loss*", Readout.number(Self.excessLoss(state.snapshot.trainLoss, optimum: solution.trainLoss))),
            ("rank", "\(solution.rank)"),
            ("cond", Readout.number(solution.conditionNumber)),
            ("stable lr <", Readout.rate(solution.largestStableLearningRate)),
        ]
    }

    /// loss − loss*, with rounding noise below the optimum shown as 0: gradient descent cannot beat least squares.
    static func excessLoss(_ loss: Double, optimum: Double) -> Double {
        let excess = loss - optimum
        return excess < 0 && -excess <= 1e-9 * max(1, abs(optimum)) ? 0 : excess
    }

    func render(into buffer: inout Buffer, area: Rect) {
        guard area.height > 0, area.width > 0 else { return }
        guard state.isComparing else {
            buffer.write("c: compare with the closed form", x: area.x, y: area.y, role: .dim, clip: area)
            return
        }
        guard let figures else {
            buffer.write("closed form: computing…", x: area.x, y: area.y, role: .dim, clip: area)
            return
        }
        // Pack the figures into as few rows as the width allows, in order.
        var x = area.x, y = area.y
        for (label, value) in figures {
            let width = label.count + 1 + value.count
            if x > area.x, x + width > area.right { x = area.x; y += 1 }
            guard y < area.bottom else { break }
            x = buffer.write(label + " ", x: x, y: y, role: .label, clip: area)
            x = buffer.write(value, x: x, y: y, role: .weightOptimum, clip: area) + 3
        }
    }
}
