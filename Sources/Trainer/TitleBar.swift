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
        let name = " Descent · \(dataName) (\(rowCount) rows, \(features)) "
        // A notice that would not fit beside the data's name takes its place (the name is back in seconds).
        let crowded = notice.map { name.count + 12 + $0.count + 17 > area.width } ?? false
        var x = crowded ? area.x : buffer.write(name, x: area.x, y: area.y, role: .titleBar, clip: area)
        let statusRole: StyleRole = status == .diverged ? .error : .titleBar
        x = buffer.write(" " + Self.word(for: status) + " ", x: x, y: area.y, role: statusRole, attributes: [.bold], clip: area)
        if let replay {
            x = buffer.write(" REPLAY \(replay.sent)/\(replay.total) ", x: x + 1, y: area.y, role: .warning, clip: area)
        }
        let hint = "? help  q quit "
        let hintX = area.right - hint.count
        if let notice, !notice.isEmpty {
            let room = crowded ? area.right - x - 1 : hintX - x - 2
            x = buffer.write(" " + notice + " ", x: x + 1, y: area.y, role: .warning, clip: Rect(x: x + 1, y: area.y, width: room, height: 1))
        }
        if hintX > x + 1 { buffer.write(hint, x: hintX, y: area.y, role: .titleBar, clip: area) }
    }
}
