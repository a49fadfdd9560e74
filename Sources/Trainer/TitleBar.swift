// The top row: app and data name, the run state in large type, and the two keys a newcomer needs.
import Engine
import Plot

/// ` Descent · line (200 rows, 1 feature) · RUNNING          ? help  q quit `
struct TitleBar {
    var dataName: String
    var rowCount: Int
    var featureCount: Int
    var status: TrainingStatus
    var notice: String?
    /// While a recording plays back: commands sent of the total.
    var replay: (sent: Int, total: Int)?

    static func word(for status: TrainingStatus) -> String {
        switch status {
        case .ready: return "READY"
        case .running: return "RUNNING"
        case .paused: return "PAUSED"
        case .converged: return "CONVERGED"
        case .maxSteps: return "STOPPED"
        case .diverged: return "DIVERGED"
        case .solved: return "SOLVED"
        }
    }

    func render(into buffer: inout Buffer, area: Rect) {
        buffer.fill(area, with: Cell(" ", role: .titleBar))
        let features = featureCount == 1 ? "1 feature" : "\(featureCount) features"
        var x = buffer.write(" Descent · \(dataName) (\(rowCount) rows, \(features)) ", x: area.x, y: area.y, role: .titleBar, clip: area)
        let statusRole: StyleRole = status == .diverged ? .error : .titleBar
        x = buffer.write(" " + Self.word(for: status) + " ", x: x, y: area.y, role: statusRole, attributes: [.bold], clip: area)
        if let replay {
            x = buffer.write(" REPLAY \(replay.sent)/\(replay.total) ", x: x + 1, y: area.y, role: .warning, clip: area)
        }
        let hint = "? help  q quit "
        let hintX = area.right - hint.count
        if let notice, !notice.isEmpty {
            buffer.write(" " + notice + " ", x: x + 1, y: area.y, role: .warning, clip: Rect(x: x + 1, y: area.y, width: hintX - x - 2, height: 1))
        }
        if hintX > x { buffer.write(hint, x: hintX, y: area.y, role: .titleBar, clip: area) }
    }
}
