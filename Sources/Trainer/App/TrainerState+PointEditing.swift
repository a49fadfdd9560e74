// The Fit view's points edited and the landscape's start picked, with the mouse and the keyboard cursor.
import Engine
import Plot
import Terminal

/// A cell on the screen.
public struct CellPosition: Sendable, Equatable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// Where the Fit view put its chart and which training points it drew there (what a click is tested against).
public struct FitChartPlacement: Sendable {
    public var mapping: ChartMapping
    /// The training points' input and target, in data units, as drawn.
    public var xs: [Double]
    public var ys: [Double]

    public init(mapping: ChartMapping, xs: [Double], ys: [Double]) {
        self.mapping = mapping
        self.xs = xs
        self.ys = ys
    }

    /// One cell's width and height in data units (the Fit view's axes are linear).
    var cellSize: (x: Double, y: Double) {
        let plot = mapping.plot
        return ((mapping.xAxis.upper - mapping.xAxis.lower) / Double(max(1, plot.width)),
            (mapping.yAxis.upper - mapping.yAxis.lower) / Double(max(1, plot.height)))
    }

    /// `cell` moved onto the plot (a drag off the panel holds the point at its edge).
    func clamped(_ cell: CellPosition) -> CellPosition {
        let plot = mapping.plot
        return CellPosition(
            x: min(max(cell.x, plot.x), plot.x + max(0, plot.width - 1)),
            y: min(max(cell.y, plot.y), plot.y + max(0, plot.height - 1)))
    }

    /// The training point drawn in `cell` or a neighbouring one (the nearest, in dots), nil when none is that close.
    func point(near cell: CellPosition) -> Int? {
        let (dpx, dpy) = mapping.mode.dotsPerCell
        let centreX = (cell.x - mapping.plot.x) * dpx + dpx / 2
        let centreY = mapping.dotHeight - 1 - ((cell.y - mapping.plot.y) * dpy + dpy / 2)
        var best: Int?, bestDistance = Int.max
        for i in 0..<min(xs.count, ys.count) {
            guard let dot = mapping.dot(x: xs[i], y: ys[i]) else { continue }
            let dx = dot.x - centreX, dy = dot.y - centreY
            guard abs(dx) <= dpx, abs(dy) <= dpy else { continue }
            let distance = dx * dx + dy * dy
            if distance < bestDistance {
                best = i
                bestDistance = distance
            }
        }
        return best
    }
}

/// Where the landscape's map was drawn and the slice it shows: a cell there stands for a start.
public struct LandscapePlacement: Sendable {
    public var mapping: ChartMapping
    public var frame: LandscapeFrame

    public init(mapping: ChartMapping, frame: LandscapeFrame) {
        self.mapping = mapping
        self.frame = frame
    }

    /// The start (data units: each feature's weight, then the intercept) at the centre of `cell`, the parameters
    /// off the map's two axes held at the current model's; nil off the map.
    func start(at cell: CellPosition) -> [Double]? {
        guard let point = mapping.value(atCellX: cell.x, y: cell.y) else { return nil }
        return frame.start(x: point.x, y: point.y)
    }
}

extension TrainerState {
    /// Takes where the Fit view drew (nil outside it) and keeps the cursor on its plot.
    public mutating func showFitChart(_ placement: FitChartPlacement?) {
        fitChart = placement
        if !showsLandscape, let placement, let cursor = pointCursor { pointCursor = placement.clamped(cursor) }
    }

    /// Takes where the landscape's map was drawn (nil when it is not on screen) and keeps the cursor on it.
    /// After a start is picked, the map re-centres on the new path: the cursor goes with the start it picked.
    public mutating func showLandscapeChart(_ placement: LandscapePlacement?) {
        landscapeChart = placement
        guard showsLandscape, let placement, let cursor = pointCursor else { return }
        if let start = pickedStart, let cell = placement.mapping.cell(x: start.x, y: start.y) {
            pointCursor = CellPosition(x: cell.x, y: cell.y)
            // Once the frame's path ends there, the map is the new one: the cursor stays put from now on.
            if let end = placement.frame.path.last, abs(end.x - start.x) <= 1e-9 * max(1, abs(start.x)),
                abs(end.y - start.y) <= 1e-9 * max(1, abs(start.y)) {
                pickedStart = nil
            }
            return
        }
        pointCursor = Self.clamp(cursor, to: placement.mapping.plot)
    }

    static func clamp(_ cell: CellPosition, to plot: Rect) -> CellPosition {
        CellPosition(
            x: min(max(cell.x, plot.x), plot.x + max(0, plot.width - 1)),
            y: min(max(cell.y, plot.y), plot.y + max(0, plot.height - 1)))
    }

    /// The plot the cursor moves on: the landscape's map when it is open, else the Fit view's.
    private var cursorPlot: Rect? { showsLandscape ? landscapeChart?.mapping.plot : fitChart?.mapping.plot }

    /// Whether the Fit view is on screen with the data panel (not hidden by the landscape or the path).
    var showsFitView: Bool { dataView == .fit && !showsLandscape && !showsPath }

    /// Whether points may be edited now; if not, says why in the title bar.
    private mutating func editingAllowed() -> Bool {
        guard allowed(nil) else { return false }
        if let refusal = dataEditingRefusal {
            notice = refusal
            return false
        }
        return true
    }

    /// One edit for the engine (which recomputes the design, the closed form and the rest between two steps).
    mutating func editData(_ edit: DataEdit) -> [SessionCommand] {
        guard editingAllowed() else { return [] }
        return runningOnIfConverged([.editData(edit)])
    }

    /// `p` and Esc: the cursor mode on (in the middle of the Fit view's plot, or of the landscape's map) or off.
    mutating func togglePointCursor() {
        if pointCursor != nil {
            pointCursor = nil
            return
        }
        if showsLandscape {
            guard allowed(nil) else { return }
            guard let plot = landscapeChart?.mapping.plot else {
                notice = "the landscape is still being computed"
                return
            }
            handFit = nil
            pointCursor = CellPosition(x: plot.x + plot.width / 2, y: plot.y + plot.height / 2)
            return
        }
        guard editingAllowed() else { return }
        guard showsFitView, let plot = fitChart?.mapping.plot else {
            notice = "the point cursor works in the Fit view (f)"
            return
        }
        handFit = nil
        pointCursor = CellPosition(x: plot.x + plot.width / 2, y: plot.y + plot.height / 2)
    }

    mutating func moveCursor(dx: Int, dy: Int) {
        guard let cursor = pointCursor, let plot = cursorPlot else { return }
        pointCursor = Self.clamp(CellPosition(x: cursor.x + dx, y: cursor.y + dy), to: plot)
    }

    /// The data point under the cursor (or `cell`), in data units.
    private func value(at cell: CellPosition?) -> (x: Double, y: Double)? {
        guard let cell, let chart = fitChart else { return nil }
        return chart.mapping.value(atCellX: cell.x, y: cell.y)
    }

    /// `a` or Enter: a point where the cursor is in the Fit view; on the landscape, a new start there.
    mutating func addPointAtCursor() -> [SessionCommand] {
        if showsLandscape { return startFrom(pointCursor) }
        guard let point = value(at: pointCursor) else { return [] }
        return editData(.add(x: point.x, y: point.y))
    }

    mutating func removePointAtCursor() -> [SessionCommand] {
        if showsLandscape {
            notice = "on the landscape the cursor picks a start (a or Enter); points are removed in the Fit view"
            return []
        }
        return removeNearest(to: pointCursor)
    }

    /// A new start at `cell` on the landscape's map: step 0 from there, the path drawn anew (`r` goes back).
    private mutating func startFrom(_ cell: CellPosition?) -> [SessionCommand] {
        guard let cell, allowed(nil), let chart = landscapeChart, let start = chart.start(at: cell) else { return [] }
        if isRunning { expected.expect(running: false, at: snapshot.step) }
        pickedStart = chart.mapping.value(atCellX: cell.x, y: cell.y)
        return [.startFrom(start)]
    }

    /// A left click on the landscape's map starts a new path there. nil: the event is not for the landscape.
    mutating func handleLandscapeMouse(button: MouseButton, action: MouseAction, x: Int, y: Int) -> [SessionCommand]? {
        guard showsLandscape, button == .left, action == .press, let chart = landscapeChart,
            chart.mapping.plot.contains(x: x, y: y)
        else { return nil }
        if pointCursor != nil { pointCursor = CellPosition(x: x, y: y) }
        return startFrom(CellPosition(x: x, y: y))
    }

    private mutating func removeNearest(to cell: CellPosition?) -> [SessionCommand] {
        guard let point = value(at: cell), let size = fitChart?.cellSize else { return [] }
        return editData(.removeNearest(x: point.x, y: point.y, xUnit: size.x, yUnit: size.y))
    }

    /// The mouse on the Fit view's plot: a left click on empty space adds a point there, a left drag on a point
    /// moves it (held on the plot when the pointer leaves it), a right click removes the nearest point. nil: the
    /// event is not for the Fit view.
    mutating func handleFitMouse(button: MouseButton, action: MouseAction, x: Int, y: Int) -> [SessionCommand]? {
        let cell = CellPosition(x: x, y: y)
        if let row = draggedPoint {
            guard button == .left, action != .press, let chart = fitChart else {
                draggedPoint = nil
                return nil
            }
            if action == .release { draggedPoint = nil }
            guard let point = chart.mapping.value(atCellX: chart.clamped(cell).x, y: chart.clamped(cell).y) else { return [] }
            return editData(.move(row: row, x: point.x, y: point.y))
        }
        guard showsFitView, action == .press, let chart = fitChart, chart.mapping.plot.contains(x: x, y: y) else { return nil }
        switch button {
        case .left:
            if let row = chart.point(near: cell) {
                guard editingAllowed() else { return [] }
                draggedPoint = row
                return []
            }
            guard let point = value(at: cell) else { return [] }
            return editData(.add(x: point.x, y: point.y))
        case .right:
            return removeNearest(to: cell)
        default:
            return nil
        }
    }
}
