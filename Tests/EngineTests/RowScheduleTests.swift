// The row order of SGD and mini-batch: the prefetching shuffle draws the plain Fisher–Yates permutation.
import XCTest
@testable import Engine

final class RowScheduleTests: XCTestCase {
    func testPrefetchingShuffleGivesTheFisherYatesPermutation() {
        for n in [0, 1, 2, 3, RowSchedule.shuffleLead, RowSchedule.shuffleLead + 1, 100, 10_007] {
            var plain = Array(0..<n), prefetched = plain
            var a = SeededGenerator(seed: UInt64(n) + 9), b = a
            a.shuffle(&plain)
            RowSchedule.shuffle(&prefetched, &b)
            XCTAssertEqual(prefetched, plain, "n = \(n)")
            XCTAssertEqual(a, b, "the same draws were made, n = \(n)")
            XCTAssertEqual(prefetched.sorted(), Array(0..<n))
        }
    }

    func testBatchPositionsNameTheBatchesAndEpochsEndShort() {
        var byIndices = RowSchedule(rowCount: 10, seed: 4), byPositions = byIndices
        var seen: [Int] = []
        for size in [4, 4, 4, 3, 3, 3, 3] {
            let expected = Array(byIndices.nextBatch(size: size))
            let ahead = Array(byIndices.upcoming(skip: 0, count: 5))
            let positions = byPositions.nextBatchPositions(size: size)
            let aheadPositions = byPositions.upcomingPositions(skip: 0, count: 5)
            XCTAssertEqual(Array(byPositions.epochOrder[positions]), expected)
            XCTAssertEqual(Array(byPositions.epochOrder[aheadPositions]), ahead)
            seen += expected
        }
        // Epoch 1: 4 + 4 + 2 (short); epoch 2: 3 + 3 + 3 + 1 (short).
        XCTAssertEqual(seen.count, 20)
        XCTAssertEqual(seen[0..<10].sorted(), Array(0..<10))
        XCTAssertEqual(seen[10..<20].sorted(), Array(0..<10))
    }
}
