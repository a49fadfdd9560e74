// Predicted against actual values, train and test apart by colour and marker shape, with density shading.
import Foundation

/// A predicted-vs-actual scatter with the y = x diagonal a perfect model would sit on.
///
/// Points are counted per cell in one pass, so 100,000 points cost O(points + cells). Density shows as a
/// character ramp (train `·•●█` / ASCII `.oO@`, test `×X#` / ASCII `xX#`) and bold for the densest cells.
/// In braille mode train points are dots and test points whole `×` cells drawn over them, so a monochrome
/// screen still tells the two sets apart by shape.
public struct ScatterPlot: Sendable {
    /// Pairs of actual and predicted values (extra elements of the longer array are ignored).
    public struct Points: Sendable {
        public var actual: [Double]
        public var predicted: [Double]
        public init(actual: [Double], predicted: [Double]) {
            self.actual = actual
            self.predicted = predicted
        }
        var count: Int { min(actual.count, predicted.count) }
    }

    public var title: String?
    public var train: Points
    public var test: Points
    public var mode: RenderMode
    public var showsDiagonal: Bool
    public var showsLegend: Bool
    /// The points already counted per cell for one area (see `Density`); used when it matches the area drawn.
    public var density: Density?

    /// The part of drawing that reads every point: the common range of both axes and the per-cell counts.
    /// O(points); compute it off the UI thread (`density(in:)`) and hand it in, and a frame costs O(cells).
    public struct Density: Sendable {
        /// The area it was counted for, and how.
        public let area: Rect
        public let mode: RenderMode
        let axis: Axis
        let isEmpty: Bool
        let trainGrid: DensityGrid
        let testGrid: DensityGrid
    }

    public init(
        title: String? = nil, train: Points, test: Points = Points(actual: [], predicted: []),
        mode: RenderMode = .braille, showsDiagonal: Bool = true, showsLegend: Bool = true
    ) {
        self.title = title
        self.train = train
        self.test = test
        self.mode = mode
        self.showsDiagonal = showsDiagonal
        self.showsLegend = showsLegend
    }

    /// Counts the points for drawing in `area` (the same area `render` will be given).
    public func density(in area: Rect) -> Density {
        var lo = Double.infinity, hi = -Double.infinity
        for set in [train, test] { set.extend(low: &lo, high: &hi) }
        let isEmpty = lo > hi
        // One range for both axes, so the diagonal is exactly y = x.
        let axis = isEmpty ? Axis(from: 0, to: 1) : Axis.fitting(min: lo, max: hi, scale: .linear)
        var scratch = Buffer(area: area)
        let plot = frame(axis: axis).render(into: &scratch, area: area)
        let columns = max(0, plot.width), rows = max(0, plot.height)
        return Density(
            area: area, mode: mode, axis: axis, isEmpty: isEmpty,
            trainGrid: DensityGrid(
                xs: train.actual, ys: train.predicted, axis: axis, mode: mode, columns: columns, rows: rows,
                recordsDots: mode == .braille),
            testGrid: DensityGrid(
                xs: test.actual, ys: test.predicted, axis: axis, mode: mode, columns: columns, rows: rows,
                recordsDots: false))
    }

    /// The axes, legend and title around the points.
    private func frame(axis: Axis) -> ChartFrame {
        let unicode = mode.usesUnicode
        let legend = showsLegend ? [
            LegendEntry(
                symbol: mode == .braille ? "⠶" : String((unicode ? Self.trainRamp : Self.trainRampASCII)[1]),
                name: "train", role: .scatterTrain),
            LegendEntry(symbol: String((unicode ? Self.testRamp : Self.testRampASCII)[0]), name: "test", role: .scatterTest),
        ] : []
        return ChartFrame(title: title, legend: legend, xAxis: axis, yAxis: axis, mode: mode, xName: "actual")
    }

    static let trainRamp: [Character] = ["·", "•", "●", "█"]
    static let trainRampASCII: [Character] = [".", "o", "O", "@"]
    static let testRamp: [Character] = ["×", "X", "#", "#"]
    static let testRampASCII: [Character] = ["x", "X", "#", "#"]

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let counted = density.flatMap { $0.area == area && $0.mode == mode ? $0 : nil } ?? density(in: area)
        let axis = counted.axis, isEmpty = counted.isEmpty
        let unicode = mode.usesUnicode
        let plot = frame(axis: axis).render(into: &buffer, area: area)
        guard !plot.isEmpty, plot.width == counted.trainGrid.columns, plot.height == counted.trainGrid.rows else { return }

        var canvas = DotCanvas(mode: mode, columns: plot.width, rows: plot.height)
        if showsDiagonal {
            canvas.line(from: (0, 0), to: (canvas.dotWidth - 1, canvas.dotHeight - 1), role: .diagonal, marker: "/")
        }
        let dotsAsTrain = mode == .braille
        let trainGrid = counted.trainGrid, testGrid = counted.testGrid
        let trainLevels = Self.levels(trainGrid.counts), testLevels = Self.levels(testGrid.counts)
        let trainRamp = unicode ? Self.trainRamp : Self.trainRampASCII
        let testRamp = unicode ? Self.testRamp : Self.testRampASCII
        for row in 0..<plot.height {
            for column in 0..<plot.width {
                let i = row * plot.width + column
                if dotsAsTrain {
                    canvas.merge(pattern: trainGrid.patterns[i], column: column, row: row, role: .scatterTrain, marker: ".")
                }
                if testLevels[i] >= 0 {
                    let level = Int(testLevels[i])
                    canvas.overlay(column: column, row: row, cell: Cell(
                        testRamp[level], role: .scatterTest, attributes: level == 3 ? .bold : []))
                } else if trainLevels[i] >= 0, !dotsAsTrain {
                    let level = Int(trainLevels[i])
                    canvas.overlay(column: column, row: row, cell: Cell(
                        trainRamp[level], role: .scatterTrain, attributes: level == 3 ? .bold : []))
                }
            }
        }
        canvas.render(into: &buffer, area: plot)
        if dotsAsTrain {
            // Braille dots show where; bold shows how many.
            for row in 0..<plot.height {
                for column in 0..<plot.width where trainLevels[row * plot.width + column] >= 2
                    && testLevels[row * plot.width + column] < 0 {
                    buffer[plot.x + column, plot.y + row].attributes.insert(.bold)
                }
            }
        }
        if isEmpty {
            let text = "no data"
            buffer.write(text, x: plot.x + max(0, (plot.width - text.count) / 2), y: plot.y + plot.height / 2,
                         role: .dim, clip: plot)
        }
    }

    /// Density level 0...3 per cell on a log scale up to the busiest cell's count; -1 for empty cells.
    /// The scale reaches at least 8 points, so two points in a cell never look like a crowd.
    static func levels(_ counts: [UInt32]) -> [Int8] {
        let scale = log(Double(max(8, counts.max() ?? 0)))
        return counts.map { c in
            c == 0 ? -1 : Int8(min(3, Int(log(Double(c)) / scale * 3.999)))
        }
    }
}

extension ScatterPlot.Points {
    /// Widens `low...high` to take in every pair whose two values are both finite.
    func extend(low: inout Double, high: inout Double) {
        let n = count
        actual.withUnsafeBufferPointer { actual in
            predicted.withUnsafeBufferPointer { predicted in
                // Plain compares on four independent bounds: rarely moving, so well predicted and not one chain.
                var loA = low, hiA = high, loP = low, hiP = high
                for i in 0..<n {
                    let a = actual[i], p = predicted[i]
                    guard a.isFinite, p.isFinite else { continue }
                    if a < loA { loA = a }
                    if a > hiA { hiA = a }
                    if p < loP { loP = p }
                    if p > hiP { hiP = p }
                }
                low = min(loA, loP)
                high = max(hiA, hiP)
            }
        }
    }
}
