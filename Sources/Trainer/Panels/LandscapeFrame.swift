// The loss landscape as one frame draws it: the grid around the current model, the path so far, the optimum.
import Engine

/// What the landscape panel needs, gathered from the session outside the render (like `ChartData`).
public struct LandscapeFrame: Sendable {
    public var grid: LossGrid
    /// The trajectory on the two axes, oldest first; the last point is the current model.
    public var path: [(x: Double, y: Double)]
    public var optimum: (x: Double, y: Double)?
    /// Whether the axes are in z-score units (standardized features) rather than the data's own.
    public var standardized: Bool
    /// The landscape sampled, the model the slice goes through (GD's units, w then b) and the two axes: what turns
    /// a point picked on the map into a start (`start(x:y:)`). nil in frames made up for tests of the drawing.
    var source: (landscape: LossLandscape, center: [Double], axes: (x: Int, y: Int))?

    public init(grid: LossGrid, path: [(x: Double, y: Double)], optimum: (x: Double, y: Double)?, standardized: Bool) {
        self.grid = grid
        self.path = path
        self.optimum = optimum
        self.standardized = standardized
    }

    /// The weights in data units (each feature's, then the intercept) at (x, y) on the map's two axes, the other
    /// parameters held where the slice is taken: the start a click on the landscape chooses.
    public func start(x: Double, y: Double) -> [Double]? {
        guard let source, x.isFinite, y.isFinite else { return nil }
        var theta = source.center
        theta[source.axes.x] = x
        theta[source.axes.y] = y
        let weights = source.landscape.dataUnitWeights(parameters: theta)
        return weights.allSatisfy(\.isFinite) ? weights : nil
    }

    /// Samples `landscape` on `axes` over a window holding the path, the current model and the optimum, the
    /// other parameters held at the current model's values.
    public static func make(
        landscape: LossLandscape, axes: LandscapeAxes, weights: [Double], intercept: Double?,
        path: [(x: Double, y: Double)], columns: Int, rows: Int
    ) -> LandscapeFrame? {
        let pair = (axes.x, axes.y)
        guard landscape.isValid(axes: pair) else { return nil }
        let current = landscape.parameters(weights: weights, intercept: intercept)
        guard current.allSatisfy(\.isFinite) else { return nil }
        var points = path.filter { $0.x.isFinite && $0.y.isFinite }.map { point -> [Double] in
            var vector = current
            vector[axes.x] = point.x
            vector[axes.y] = point.y
            return vector
        }
        points.append(current)
        if let optimum = landscape.optimum, optimum.allSatisfy(\.isFinite) { points.append(optimum) }
        let window = landscape.window(axes: pair, including: points)
        let grid = landscape.grid(
            center: current, axes: pair, xRange: window.x, yRange: window.y, columns: max(1, columns), rows: max(1, rows))
        let optimum = landscape.optimum.flatMap { $0.allSatisfy(\.isFinite) ? (x: $0[axes.x], y: $0[axes.y]) : nil }
        var frame = LandscapeFrame(
            grid: grid, path: path + [(x: current[axes.x], y: current[axes.y])], optimum: optimum,
            standardized: landscape.standardized)
        frame.source = (landscape, current, (axes.x, axes.y))
        return frame
    }
}
