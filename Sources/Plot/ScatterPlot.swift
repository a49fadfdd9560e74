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

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        var lo = Double.infinity, hi = -Double.infinity
        for set in [train, test] { set.extend(low: &lo, high: &hi) }
        let isEmpty = lo > hi
        // One range for both axes, so the diagonal is exactly y = x.
        let axis = isEmpty ? Axis(from: 0, to: 1) : Axis.fitting(min: lo, max: hi, scale: .linear)
        let legend = showsLegend ? PointCloud.legend(mode: mode, hasTest: true) : []
        let frame = ChartFrame(title: title, legend: legend, xAxis: axis, yAxis: axis, mode: mode, xName: "actual")
        let plot = frame.render(into: &buffer, area: area)
        guard !plot.isEmpty else { return }

        var canvas = DotCanvas(mode: mode, columns: plot.width, rows: plot.height)
        if showsDiagonal {
            canvas.line(from: (0, 0), to: (canvas.dotWidth - 1, canvas.dotHeight - 1), role: .diagonal, marker: "/")
        }
        let cloud = PointCloud(trainXs: train.actual, trainYs: train.predicted, testXs: test.actual, testYs: test.predicted)
        let bold = cloud.draw(on: &canvas, xAxis: axis, yAxis: axis)
        canvas.render(into: &buffer, area: plot)
        PointCloud.embolden(bold, plot: plot, in: &buffer)
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
