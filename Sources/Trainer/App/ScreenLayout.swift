// Where each panel and control goes for a terminal size, from 80×24 up.
import Plot

/// The rectangles of the screen: title bar, four panels, status bar, and each control's hit area.
struct ScreenLayout: Equatable {
    static let minimumWidth = 80
    static let minimumHeight = 24
    /// Rows the Controls panel needs: border, buttons, two selectors, four sliders, three lines of closed-form stats.
    static let controlsHeight = 12

    let width: Int
    let height: Int
    let titleBar: Rect
    let statusBar: Rect
    let loss: Rect
    let weights: Rect
    let prediction: Rect
    let controls: Rect
    /// One row per control (buttons: their own cells).
    let controlAreas: [ControlID: Rect]
    /// Below the sliders inside Controls: the closed-form figures.
    let closedFormArea: Rect

    var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// Between the title and status bars: where overlays go.
    var body: Rect { Rect(x: 0, y: 1, width: width, height: max(0, height - 2)) }

    /// The left column (Loss above Predicted vs actual): where the loss landscape goes.
    var landscape: Rect { Rect(x: loss.x, y: loss.y, width: loss.width, height: loss.height + prediction.height) }

    init(width: Int, height: Int, buttonTitles: [ControlID: String] = ScreenLayout.defaultButtonTitles) {
        self.width = width
        self.height = height
        titleBar = Rect(x: 0, y: 0, width: width, height: 1)
        statusBar = Rect(x: 0, y: height - 1, width: width, height: 1)
        let bodyTop = 1, bodyHeight = max(0, height - 2)
        let rightWidth = width < 120 ? width / 2 : min(64, max(48, width * 2 / 5))
        let leftWidth = width - rightWidth
        // The left column splits as it always did (the loss chart keeps its rows at 80×24); the right one gives
        // Controls the rows its sliders need, from the Weights panel above it.
        let bottomHeight = min(bodyHeight, max(Self.controlsHeight - 1, bodyHeight * 9 / 20))
        let topHeight = bodyHeight - bottomHeight
        let controlsHeight = min(bodyHeight, max(Self.controlsHeight, bottomHeight))
        loss = Rect(x: 0, y: bodyTop, width: leftWidth, height: topHeight)
        weights = Rect(x: leftWidth, y: bodyTop, width: rightWidth, height: bodyHeight - controlsHeight)
        prediction = Rect(x: 0, y: bodyTop + topHeight, width: leftWidth, height: bottomHeight)
        controls = Rect(x: leftWidth, y: bodyTop + bodyHeight - controlsHeight, width: rightWidth, height: controlsHeight)

        let framed = PanelFrame.inner(of: controls)
        let inner = Rect(x: framed.x + 1, y: framed.y, width: framed.width - 2, height: framed.height)
        var areas: [ControlID: Rect] = [:]
        var x = inner.x
        for id in [ControlID.run, .step, .reset, .closedForm] {
            let title = buttonTitles[id] ?? ""
            areas[id] = Rect(x: x, y: inner.y, width: title.count + 2, height: 1)
            x += title.count + 3
        }
        let rows: [ControlID] = [.method, .update, .learningRate, .batchSize, .l1, .speed]
        for (offset, id) in rows.enumerated() {
            areas[id] = Rect(x: inner.x, y: inner.y + 1 + offset, width: inner.width, height: 1)
        }
        controlAreas = areas
        closedFormArea = Rect(x: inner.x, y: inner.y + 1 + rows.count, width: inner.width, height: inner.height - 1 - rows.count)
    }

    /// The widest titles the buttons can have, so their positions do not move when Run becomes Pause.
    static let defaultButtonTitles: [ControlID: String] = [
        .run: " Run ", .step: "Step", .reset: "Reset", .closedForm: "Closed form",
    ]

    /// The control under a cell, if any.
    func control(atX x: Int, y: Int) -> ControlID? {
        ControlID.allCases.first { controlAreas[$0]?.contains(x: x, y: y) == true }
    }
}
