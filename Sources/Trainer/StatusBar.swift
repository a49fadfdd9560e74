// The bottom row: step, epoch, method, learning rate, batch, errors and speed, always visible.
import Engine
import Plot

/// `step 1234 │ epoch 6.2 │ GD · plain │ lr 0.1 │ batch 200 │ train MSE 0.0123 │ R² 0.987 │ 12.3k steps/s`,
/// shortened on narrow screens so every figure still shows.
struct StatusBar {
    var snapshot: TrainingSnapshot
    var hyperparameters: Hyperparameters
    var rowCount: Int

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
    func fields(compact: Bool, scaling: Bool = true) -> [String] {
        var fields = [
            "step \(snapshot.step)",
            (compact ? "ep " : "epoch ") + Readout.epoch(snapshot.epoch),
            compact ? Self.shortMethodName(hyperparameters) : Self.methodName(hyperparameters.method) + " · " + hyperparameters.update.rawValue,
            "lr " + Readout.rate(hyperparameters.learningRate),
            "batch \(effectiveBatch)",
            (compact ? "MSE " : "train MSE ") + Readout.number(snapshot.trainLoss),
            "R² " + Readout.number(snapshot.trainR2),
        ]
        if scaling { fields.insert(snapshot.standardized ? "z-scores" : "raw", at: 5) }
        if !compact, let test = snapshot.testLoss { fields.append("test MSE " + Readout.number(test)) }
        fields.append(Readout.count(snapshot.stepsPerSecond) + (compact ? "/s" : " steps/s"))
        return fields
    }

    func render(into buffer: inout Buffer, area: Rect) {
        buffer.fill(area, with: Cell(" ", role: .statusBar))
        var line = " " + fields(compact: false).joined(separator: " │ ")
        if line.count > area.width { line = " " + fields(compact: true).joined(separator: " │ ") }
        if line.count > area.width { line = " " + fields(compact: true).joined(separator: "  ") }
        if line.count > area.width { line = fields(compact: true).joined(separator: " ") }
        if line.count > area.width { line = fields(compact: true, scaling: false).joined(separator: " ") }
        buffer.write(line, x: area.x, y: area.y, role: .statusBar, clip: area)
    }
}
