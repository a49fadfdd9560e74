// Huge-page-advised arrays hold exactly what plain arrays would.
import XCTest
@testable import Engine

final class HugePageArrayTests: XCTestCase {
    func testZerosHasTheCountAndOnlyZerosBelowAndAboveTheThreshold() {
        for count in [0, 1, 1000, HugePageArray.threshold / 8 + 12_345] {
            let values = HugePageArray.zeros(count: count)
            XCTAssertEqual(values.count, count)
            XCTAssertTrue(values.allSatisfy { $0 == 0 }, "count \(count)")
        }
    }

    func testFilledCopyIsBitIdenticalAndIndependent() {
        for count in [3, HugePageArray.threshold / 8 + 777] {
            var random = SeededGenerator(seed: 7)
            let original = (0..<count).map { _ in random.nextGaussian() }
            var copy = HugePageArray.filled(count: count) { _ = $0.initialize(from: original) }
            XCTAssertEqual(copy.map(\.bitPattern), original.map(\.bitPattern))
            copy[0] += 1
            XCTAssertNotEqual(copy[0], original[0], "the copy is its own storage")
        }
    }
}
