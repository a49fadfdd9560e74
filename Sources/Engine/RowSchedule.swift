// The order in which SGD and mini-batch steps visit rows: a fresh seeded shuffle every epoch.

/// Hands out batches of row indices without replacement within an epoch; the last batch of an epoch may
/// be short. The shuffle costs O(n) once per epoch; a batch costs O(batch).
public struct RowSchedule: Sendable, Equatable {
    private var order: [Int]
    private var position: Int
    private var random: SeededGenerator

    public init(rowCount: Int, seed: UInt64) {
        order = Array(0..<rowCount)
        random = SeededGenerator(seed: seed ^ 0xBA7C_4ED0_0B5E_55ED)
        position = rowCount  // shuffle lazily on the first batch
    }

    /// The indices of the next batch of up to `size` rows.
    public mutating func nextBatch(size: Int) -> ArraySlice<Int> {
        if position >= order.count {
            random.shuffle(&order)
            position = 0
        }
        let end = min(order.count, position + max(1, size))
        defer { position = end }
        return order[position..<end]
    }

    /// Up to `count` indices that the coming batches will visit, starting `skip` rows after the next one
    /// (none past the end of the epoch): rows worth fetching into cache before they are needed.
    public func upcoming(skip: Int, count: Int) -> ArraySlice<Int> {
        let start = min(order.count, position + skip)
        return order[start..<min(order.count, start + count)]
    }
}
