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
    /// The replay's speed as the title shows it ("×2", "max").
    var replaySpeed = "×1"

    /// The state as `fit` prints it (`status: max-steps` reads MAX-STEPS here), so the two always agree.
    static func word(for status: TrainingStatus) -> String { status.rawValue.uppercased() }

    /// The longest state word, so the data's name does not change length when the state does.
    static let widestWord = TrainingStatus.allCases.map { word(for: $0).count }.max() ?? 0

    static let hint = "? help  q quit "

    /// `name` cut to `width` characters with an ellipsis (at least `minimum` kept), whole when it fits.
    static func fit(_ name: String, width: Int, minimum: Int = 8) -> String {
        let width = max(width, minimum)
        return name.displayWidth <= width ? name : name.prefix(columns: max(1, width - 1)) + "…"
    }

    func render(into buffer: inout Buffer, area: Rect) {
        buffer.fill(area, with: Cell(" ", role: .titleBar))
        let features = featureCount == 1 ? "1 feature" : "\(featureCount) features"
        // A long file name gives way before the run state does: that is what the back row must read. Measured
        // against the longest state word, so the name does not change length when the state does.
        let others = " Descent ·  (\(rowCount) rows, \(features)) ".count + Self.widestWord + 2 + Self.hint.count + 2
        let name = " Descent · \(Self.fit(dataName, width: area.width - others)) (\(rowCount) rows, \(features)) "
        // A notice that would not fit beside the data's name takes its place (the name is back in seconds).
        let crowded = notice.map { name.displayWidth + 12 + $0.displayWidth + 17 > area.width } ?? false
        var x = crowded ? area.x : buffer.write(name, x: area.x, y: area.y, role: .titleBar, clip: area)
        let statusRole: StyleRole = status == .diverged || status == .oscillating ? .error : .titleBar
        x = buffer.write(" " + Self.word(for: status) + " ", x: x, y: area.y, role: statusRole, attributes: [.bold], clip: area)
        if let replay {
            x = buffer.write(" REPLAY \(replay.sent)/\(replay.total) \(replaySpeed) ", x: x + 1, y: area.y, role: .warning, clip: area)
        }
        let hint = Self.hint
        let hintX = area.right - hint.count
        if let notice, !notice.isEmpty {
            let room = crowded ? area.right - x - 1 : hintX - x - 2
            x = buffer.write(" " + notice + " ", x: x + 1, y: area.y, role: .warning, clip: Rect(x: x + 1, y: area.y, width: room, height: 1))
        }
        if hintX > x + 1 { buffer.write(hint, x: hintX, y: area.y, role: .titleBar, clip: area) }
    }
}
