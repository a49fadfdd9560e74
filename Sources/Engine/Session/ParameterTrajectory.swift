// The path of the model through parameter space, kept in bounded memory by thinning as it grows.

/// Models (weights and intercept, in the data's own units) at a subset of steps. Every `stride`-th step is
/// kept; when `capacity` points are held, every other point is dropped and the stride doubles, so memory
/// stays bounded and the points stay evenly spread over the whole run, early steps included. Data units
/// make the path independent of standardization: `LossLandscape` maps it into the space GD runs in.
public struct ParameterTrajectory: Sendable, Equatable {
    /// One kept model.
    public struct Point: Sendable, Equatable {
        public var step: Int
        public var weights: [Double]
        /// nil when no intercept is fitted.
        public var intercept: Double?

        public init(step: Int, weights: [Double], intercept: Double?) {
            self.step = step
            self.weights = weights
            self.intercept = intercept
        }
    }

    public private(set) var points: [Point] = []
    /// Steps between kept points (a power of two).
    public private(set) var stride = 1
    public let capacity: Int

    /// - Parameter capacity: points kept before thinning (at least 4).
    public init(capacity: Int = 1024) {
        self.capacity = max(4, capacity)
    }

    /// A capacity that keeps about a million numbers whatever the feature count.
    public static func capacity(features: Int) -> Int {
        max(64, min(1024, (1 << 20) / (features + 1)))
    }

    /// Whether `step` would be kept (cheap: the caller can skip building the model when not).
    public func wants(step: Int) -> Bool {
        step % stride == 0 && (points.last.map { $0.step < step } ?? true)
    }

    /// Keeps the model at `step` if the stride asks for it; steps must not decrease between resets.
    public mutating func record(step: Int, weights: [Double], intercept: Double?) {
        guard wants(step: step) else { return }
        points.append(Point(step: step, weights: weights, intercept: intercept))
        if points.count >= capacity {
            stride *= 2
            points = points.filter { $0.step % stride == 0 }
        }
    }

    /// Forgets every point (after a reset the steps start again at 0).
    public mutating func clear() {
        points.removeAll(keepingCapacity: true)
        stride = 1
    }

    /// At most `maxPoints` of the points, evenly chosen, always keeping the first and the last.
    public func decimated(maxPoints: Int) -> [Point] {
        guard maxPoints > 0 else { return [] }
        guard points.count > maxPoints else { return points }
        guard maxPoints > 1 else { return [points[points.count - 1]] }
        let last = points.count - 1
        return (0..<maxPoints).map { k in points[(k * last) / (maxPoints - 1)] }
    }
}
