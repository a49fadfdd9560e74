// What the live race view shows and remembers: the contestants' latest snapshots and the view's own keys.
import Engine
import Foundation
import Plot
import Terminal

/// The race view's state as a value: input in, commands for every contestant out (like `TrainerState`).
public struct RaceState: Sendable {
    public var width: Int
    public var height: Int
    public var dataName: String
    public var rowCount: Int
    public var featureNames: [String]
    public var contestants: [RaceContestant]
    /// The latest copy of each contestant's state, in contestant order.
    public var snapshots: [TrainingSnapshot]
    public var showsHelp = false
    public var logLossAxis = true
    public var renderMode: RenderMode = .braille
    public var exitCode: Int32?
    /// Whether the user asked the race to run (until it pauses itself, every contestant having stopped).
    public var isRunning = false
    /// The contestant whose learning rate `+` and `-` change (↑ ↓ choose it).
    public var selected = 0
    /// Learning-rate changes for one contestant each, in order; the frame loop sends them and empties this list.
    public var contestantChanges: [(index: Int, hyperparameters: Hyperparameters)] = []

    public init(
        width: Int, height: Int, dataName: String, rowCount: Int, featureNames: [String], contestants: [RaceContestant]
    ) {
        self.width = width
        self.height = height
        self.dataName = dataName
        self.rowCount = rowCount
        self.featureNames = featureNames
        self.contestants = contestants
        snapshots = contestants.map { TrainingSnapshot(hyperparameters: $0.hyperparameters) }
    }

    var layout: RaceLayout { RaceLayout(width: width, height: height, contestants: contestants.count, tableLines: table.lines.count) }

    /// The parameters the table shows: every weight, and the intercept when the model has one.
    var parameterNames: [String] { featureNames + (snapshots.first?.intercept != nil ? ["b"] : []) }

    /// The weights table's columns at this width (inside the frame, one cell of margin each side).
    var table: RaceTable { RaceTable(width: width - 4, labels: contestants.map(\.label), parameters: parameterNames.count) }

    /// Applies one event; returns what every contestant's session must do (`.start`, `.pause`, `.step`, `.reset`).
    public mutating func handle(_ event: InputEvent) -> [SessionCommand] {
        switch event {
        case let .resize(width, height):
            self.width = width
            self.height = height
            return []
        case let .terminationSignal(number):
            exitCode = 128 + number
            return []
        case let .key(key):
            guard let action = RaceKeymap.keys.action(for: key, in: showsHelp ? .help : .main) else { return [] }
            return perform(action)
        case let .mouse(button, action, x, y):
            guard button == .left, action == .press else { return [] }
            if showsHelp {
                showsHelp = false
                return []
            }
            guard let word = toolbar().first(where: { $0.area.contains(x: x, y: y) }) else { return [] }
            return perform(word.action)
        }
    }

    /// Does one action of a key or a border word (see `RaceKeymap`).
    mutating func perform(_ action: RaceAction) -> [SessionCommand] {
        switch action {
        case .run:
            isRunning.toggle()
            return [isRunning ? .start : .pause]
        case .step:
            isRunning = false
            return [.step]
        case .reset:
            isRunning = false
            return [.reset]
        case .logAxis: logLossAxis.toggle()
        case .previousContestant: selected = (selected + contestants.count - 1) % max(1, contestants.count)
        case .nextContestant: selected = (selected + 1) % max(1, contestants.count)
        case .rateUp, .rateDown:
            guard contestants.indices.contains(selected) else { return [] }
            var h = contestants[selected].hyperparameters
            h.learningRate = Self.rateNotch(after: h.learningRate, up: action == .rateUp)
            contestants[selected].hyperparameters = h
            contestantChanges.append((selected, h))
        case .help: showsHelp.toggle()
        case .close: showsHelp = false
        case .quit: exitCode = 0
        }
        return []
    }

    /// The next stop of the 1-2-5 sequence above (or below) `rate`: each contestant's rate moves on its own scale.
    static func rateNotch(after rate: Double, up: Bool) -> Double {
        guard rate.isFinite, rate > 0 else { return 0.1 }
        let exponent = floor(log10(rate))
        let stops = (-1...1).flatMap { offset in [1.0, 2.0, 5.0].map { $0 * pow(10, exponent + Double(offset)) } }
        if up { return stops.first { $0 > rate * (1 + 1e-9) } ?? stops.last! }
        return stops.last { $0 < rate * (1 - 1e-9) } ?? stops.first!
    }

    /// The clickable words in the loss chart's bottom border.
    func toolbar() -> [(action: RaceAction, text: String, area: Rect)] {
        let layout = self.layout
        guard !layout.isTooSmall else { return [] }
        let words = RaceKeymap.words(for: self)
        var x = layout.chart.x + 1
        return words.map { action, text in
            defer { x += text.count + 2 }
            return (action, text, Rect(x: x, y: layout.chart.bottom - 1, width: text.count + 2, height: 1))
        }
    }
}

/// Where the race view's parts go: the shared loss chart above, the weights table below.
struct RaceLayout: Equatable {
    let width: Int
    let height: Int
    let titleBar: Rect
    let chart: Rect
    let table: Rect
    let statusBar: Rect

    var isTooSmall: Bool { width < ScreenLayout.minimumWidth || height < ScreenLayout.minimumHeight }

    /// - Parameter tableLines: lines per contestant in the weights table (the weights wrap when narrow).
    init(width: Int, height: Int, contestants: Int, tableLines: Int = 1) {
        self.width = width
        self.height = height
        titleBar = Rect(x: 0, y: 0, width: width, height: 1)
        statusBar = Rect(x: 0, y: max(0, height - 1), width: width, height: 1)
        let body = max(0, height - 2)
        // The table takes what its lines need (frame, header, a line of air), leaving the chart at least 8 rows;
        // with one line per contestant that is what it always was, at most half the body.
        let needed = 3 + tableLines * (contestants + 1)
        let tableHeight = tableLines == 1 ? min(body / 2, needed) : min(max(body / 2, body - 8), needed)
        chart = Rect(x: 0, y: 1, width: width, height: body - tableHeight)
        table = Rect(x: 0, y: 1 + body - tableHeight, width: width, height: tableHeight)
    }
}
