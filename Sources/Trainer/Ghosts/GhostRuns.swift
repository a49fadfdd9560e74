// The pinned ghost runs: at most five, oldest dropped first.

/// Up to `capacity` ghost runs, oldest first; pinning a sixth drops the oldest.
public struct GhostRuns: Sendable, Equatable {
    public static let capacity = 5
    public private(set) var runs: [GhostRun] = []

    public init() {}

    public var count: Int { runs.count }
    public var isEmpty: Bool { runs.isEmpty }

    /// Adds a ghost, dropping the oldest when full.
    public mutating func pin(_ ghost: GhostRun) {
        if runs.count == GhostRuns.capacity { runs.removeFirst() }
        runs.append(ghost)
    }

    /// Forgets every ghost.
    public mutating func clear() {
        runs.removeAll()
    }
}
