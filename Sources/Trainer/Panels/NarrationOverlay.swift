// The narrated step (`n`): the next update spelled out with its real numbers and the formula it follows.
import Engine
import Plot

/// A window over the panels: the batch rows and their residuals, the gradient, η, the old and new weights
/// (the first few components), and the update formulas from docs/math.md.
struct NarrationOverlay {
    var narration: StepNarration?

    /// Weights shown per vector at the least: enough to read, few enough to fit 80 columns.
    static let components = 3

    /// As many weights per vector as fit `width` on every line (wider screens show more of them), at least three.
    static func components(for narration: StepNarration, width: Int) -> Int {
        let most = narration.parameterNames.count
        guard most > components else { return components }
        return stride(from: most, to: components, by: -1).first { k in
            narration.lines(components: k).allSatisfy { $0.displayWidth <= width }
        } ?? components
    }

    func render(into buffer: inout Buffer, area: Rect) {
        buffer.fill(area, with: Cell(" ", role: .help))
        PanelFrame(title: "Narrated step").render(into: &buffer, area: area)
        let inner = PanelFrame.inner(of: area)
        let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        guard let narration else {
            buffer.write("pausing to look at the next step…", x: content.x, y: content.y + 1, role: .dim, clip: content)
            return
        }
        let formulas = narration.formula
        var lines = narration.lines(components: Self.components(for: narration, width: content.width))
        lines.removeLast(min(formulas.count, lines.count))
        var y = content.y
        for (index, line) in lines.enumerated() where y < content.bottom {
            let role: StyleRole = index == 0 ? .helpKey : (line.hasPrefix("the run stopped") ? .error : .help)
            buffer.write(line, x: content.x, y: y, role: role, attributes: index == 0 ? [.bold] : [], clip: content)
            y += 1
        }
        y += 1
        for formula in formulas where y < content.bottom {
            buffer.write(formula, x: content.x, y: y, role: .reference, clip: content)
            y += 1
        }
    }
}
