// A loss history decimated to a plot's width.

/// The loss history decimated for drawing: each bucket covers a range of steps.
public struct LossCurve: Sendable, Equatable {
    public struct Bucket: Sendable, Equatable {
        public var firstStep: Int
        public var lastStep: Int
        public var min: Double
        public var max: Double
        public var last: Double
        public init(firstStep: Int, lastStep: Int, min: Double, max: Double, last: Double) {
            self.firstStep = firstStep
            self.lastStep = lastStep
            self.min = min
            self.max = max
            self.last = last
        }
    }
    public var buckets: [Bucket]
    public var totalSteps: Int
    public init(buckets: [Bucket], totalSteps: Int) {
        self.buckets = buckets
        self.totalSteps = totalSteps
    }
}
