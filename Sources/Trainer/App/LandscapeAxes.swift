// Which two parameters the loss-landscape view plots, and how the keys step through them.

/// The parameters on the landscape's x and y axes. Parameters are the features, then the intercept b (index
/// d) when one is fitted. One feature with an intercept gives w and b; otherwise `(` and `)` step the axes.
public struct LandscapeAxes: Equatable, Sendable {
    public private(set) var x: Int
    public private(set) var y: Int
    /// Features plus the intercept, if any.
    public let parameterCount: Int

    /// The first two parameters: (w, b) for one feature and an intercept, else the first two features.
    public init(featureCount: Int, fitIntercept: Bool) {
        parameterCount = featureCount + (fitIntercept ? 1 : 0)
        x = 0
        y = min(1, max(0, parameterCount - 1))
    }

    /// Whether there are two parameters to plot at all.
    public var isPlottable: Bool { parameterCount >= 2 }

    /// Whether the keys can choose other axes (more than two parameters).
    public var isChoosable: Bool { parameterCount > 2 }

    /// The next parameter for x (skipping the one on y), wrapping around.
    public func nextX() -> LandscapeAxes {
        var copy = self
        copy.x = next(after: x, skipping: y)
        return copy
    }

    /// The next parameter for y (skipping the one on x), wrapping around.
    public func nextY() -> LandscapeAxes {
        var copy = self
        copy.y = next(after: y, skipping: x)
        return copy
    }

    private func next(after index: Int, skipping other: Int) -> Int {
        guard parameterCount > 2 else { return index }
        var candidate = (index + 1) % parameterCount
        if candidate == other { candidate = (candidate + 1) % parameterCount }
        return candidate
    }
}
