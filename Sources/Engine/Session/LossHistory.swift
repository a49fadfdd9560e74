// A loss history of any length in bounded memory, readable at any width in O(width).

/// Every recorded (step, loss) lands in a bucket (min / max / last). Level 0 holds up to `capacity` buckets
/// of `entriesPerBucket` entries; level k merges 2ᵏ level-0 buckets. When level 0 is full it is dropped and
/// every level moves down one: resolution halves, memory stays ≤ 2·capacity buckets. A curve of N columns
/// is read from the finest level that has at most N buckets, so it costs O(N) whatever the step count.
public struct LossHistory: Sendable {
    struct Bucket: Sendable {
        var firstStep: Int, lastStep: Int
        var min: Double, max: Double, last: Double
        var entries: Int

        init(step: Int, loss: Double) {
            firstStep = step; lastStep = step
            min = loss; max = loss; last = loss
            entries = 1
        }

        mutating func add(step: Int, loss: Double) {
            lastStep = step
            min = Swift.min(min, loss); max = Swift.max(max, loss); last = loss
            entries += 1
        }

        func merged(with later: Bucket) -> Bucket {
            var result = self
            result.lastStep = later.lastStep
            result.min = Swift.min(min, later.min); result.max = Swift.max(max, later.max)
            result.last = later.last
            result.entries += later.entries
            return result
        }
    }

    public let capacity: Int
    private var levels: [[Bucket]]
    private var entriesPerBucket = 1
    /// How many entries were recorded in all.
    public private(set) var count = 0

    /// - Parameter capacity: level-0 buckets before resolution halves (a power of two ≥ 2).
    public init(capacity: Int = 4096) {
        precondition(capacity >= 2 && capacity & (capacity - 1) == 0, "capacity must be a power of two")
        self.capacity = capacity
        var levelCount = 1
        while (1 << (levelCount - 1)) < capacity { levelCount += 1 }
        levels = Array(repeating: [], count: levelCount)
    }

    /// The last recorded entry.
    public var last: (step: Int, loss: Double)? {
        levels[0].last.map { ($0.lastStep, $0.last) }
    }

    /// Records the loss at a step; steps must not decrease.
    public mutating func append(step: Int, loss: Double) {
        if let open = levels[0].last, open.entries < entriesPerBucket {
            levels[0][levels[0].count - 1].add(step: step, loss: loss)
        } else {
            if levels[0].count == capacity { halveResolution() }
            levels[0].append(Bucket(step: step, loss: loss))
        }
        let index = levels[0].count - 1
        for k in 1..<levels.count {
            let i = index >> k
            if i < levels[k].count {
                levels[k][i].add(step: step, loss: loss)
            } else {
                levels[k].append(Bucket(step: step, loss: loss))
            }
        }
        count += 1
    }

    private mutating func halveResolution() {
        levels.removeFirst()
        let top = levels[levels.count - 1]
        levels.append(stride(from: 0, to: top.count, by: 2).map { i in
            i + 1 < top.count ? top[i].merged(with: top[i + 1]) : top[i]
        })
        entriesPerBucket *= 2
    }

    /// At most `columns` buckets covering the whole history, oldest first.
    public func curve(columns: Int, totalSteps: Int) -> LossCurve {
        guard columns > 0, let level = levels.first(where: { $0.count <= columns }) else {
            return LossCurve(buckets: [], totalSteps: totalSteps)
        }
        return LossCurve(
            buckets: level.map {
                LossCurve.Bucket(firstStep: $0.firstStep, lastStep: $0.lastStep, min: $0.min, max: $0.max, last: $0.last)
            },
            totalSteps: totalSteps)
    }
}
