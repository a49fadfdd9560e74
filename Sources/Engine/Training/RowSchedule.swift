// The order in which SGD and mini-batch steps visit rows: a fresh seeded shuffle every epoch.
import CKernels

/// Hands out batches of row indices without replacement within an epoch; the last batch of an epoch may
/// be short. The shuffle costs O(n) once per epoch; a batch costs O(batch).
public struct RowSchedule: Sendable, Equatable {
    private var order: [Int]
    private var position: Int
    private var random: SeededGenerator

    /// Swaps of the shuffle whose targets are fetched into cache ahead of them (a power of two: slots are
    /// found with a mask, not a division).
    static let shuffleLead = 16

    public init(rowCount: Int, seed: UInt64) {
        order = Array(0..<rowCount)
        random = SeededGenerator(seed: seed ^ 0xBA7C_4ED0_0B5E_55ED)
        position = rowCount  // shuffle lazily on the first batch
    }

    /// The indices of the next batch of up to `size` rows.
    public mutating func nextBatch(size: Int) -> ArraySlice<Int> {
        order[nextBatchPositions(size: size)]
    }

    /// Where the next batch of up to `size` rows lies in the epoch's order (`withOrder`), shuffling first when an
    /// epoch begins.
    public mutating func nextBatchPositions(size: Int) -> Range<Int> {
        if position >= order.count {
            RowSchedule.shuffle(&order, &random)
            position = 0
        }
        let end = min(order.count, position + max(1, size))
        defer { position = end }
        return position..<end
    }

    /// Where the rows that the coming batches will visit lie in the epoch's order: up to `count` positions,
    /// starting `skip` rows after the next one (none past the end of the epoch).
    public func upcomingPositions(skip: Int, count: Int) -> Range<Int> {
        let start = min(order.count, position + skip)
        return start..<min(order.count, start + count)
    }

    /// Up to `count` indices that the coming batches will visit, starting `skip` rows after the next one
    /// (none past the end of the epoch): rows worth fetching into cache before they are needed.
    public func upcoming(skip: Int, count: Int) -> ArraySlice<Int> {
        order[upcomingPositions(skip: skip, count: count)]
    }

    /// The current epoch's order of row indices (`nextBatchPositions` and `upcomingPositions` index it).
    public var epochOrder: [Int] { order }

    /// Fisher–Yates, the same permutation as `SeededGenerator.shuffle` (the same draws in the same order), with
    /// each swap's random target fetched into cache `shuffleLead` swaps before it: on a large order the targets
    /// miss the cache, and this lets those misses overlap instead of following one another.
    static func shuffle(_ values: inout [Int], _ random: inout SeededGenerator) {
        let n = values.count
        guard n > 1 else { return }
        let lead = shuffleLead, mask = shuffleLead - 1
        // A local copy keeps the generator's state in registers; through the inout it round-trips memory per draw.
        var generator = random
        defer { random = generator }
        values.withUnsafeMutableBufferPointer { v in
            let base = v.baseAddress!
            withUnsafeTemporaryAllocation(of: Int.self, capacity: lead) { targets in
                let slots = targets.baseAddress!
                // slots[i & mask] holds the draw for position i, made `lead` positions earlier.
                var i = n - 1
                while i > 0 && i > n - 1 - lead {
                    let j = generator.nextInt(below: i + 1)
                    slots[i & mask] = j
                    descent_prefetch(base + j)
                    i -= 1
                }
                i = n - 1
                while i > 0 {
                    let j = slots[i & mask]
                    let later = i - lead
                    if later > 0 {
                        let k = generator.nextInt(below: later + 1)
                        slots[later & mask] = k
                        descent_prefetch(base + k)
                    }
                    let value = base[i]
                    base[i] = base[j]
                    base[j] = value
                    i -= 1
                }
            }
        }
    }
}
