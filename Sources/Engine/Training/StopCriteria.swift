// When a training run stops by itself.

/// When a run stops by itself; nil means no limit. `tolerance` 0 turns the convergence test off.
public struct StopCriteria: Sendable, Equatable, Codable {
    public var steps: Int?
    public var epochs: Double?
    public var tolerance: Double

    public init(steps: Int? = nil, epochs: Double? = nil, tolerance: Double = 0) {
        self.steps = steps
        self.epochs = epochs
        self.tolerance = tolerance
    }
}
