// The note shown over the loss chart when the engine stopped the run because the loss settled.
import Plot

/// `CONVERGED: <the engine's message> · Space runs on`, wrapped into the top right of the chart, where a
/// falling loss curve leaves room and the y-axis labels stay visible.
struct ConvergenceNote {
    /// The engine's reason (which tolerance, at which step).
    var message: String?

    static let heading = "CONVERGED:"

    func render(into buffer: inout Buffer, area: Rect) {
        guard area.width > 8, area.height > 0 else { return }
        let text = Self.heading + " " + (message ?? "the loss settled") + " · Space runs on"
        let lines = DivergenceBanner.wrap(text, width: min(area.width - 6, 48))
        let shown = Array(lines.prefix(max(1, area.height / 2 - 1)))
        let boxWidth = (shown.map(\.count).max() ?? 0) + 2
        let box = Rect(x: area.right - boxWidth, y: area.y, width: boxWidth, height: shown.count)
        buffer.fill(box, with: Cell(" ", role: .legend))
        for (offset, line) in shown.enumerated() {
            buffer.write(line, x: box.x + 1, y: box.y + offset, role: .legend, clip: box)
        }
        buffer.write(Self.heading, x: box.x + 1, y: box.y, role: .legend, attributes: [.bold], clip: box)
    }
}
