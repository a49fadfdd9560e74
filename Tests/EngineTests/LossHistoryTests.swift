// The bounded loss history: every entry counts, memory stays bounded, curves fit their width.
import XCTest
@testable import Engine

final class LossHistoryTests: XCTestCase {
    func testSmallHistoryIsExact() {
        var history = LossHistory(capacity: 8)
        for s in 0..<5 { history.append(step: s, loss: Double(10 - s)) }
        let curve = history.curve(columns: 10, totalSteps: 5)
        XCTAssertEqual(curve.buckets.map(\.last), [10, 9, 8, 7, 6])
        XCTAssertEqual(curve.totalSteps, 5)
    }

    func testLongHistoryKeepsExtremesAndCoversEveryStep() {
        var history = LossHistory(capacity: 16)
        let steps = 10_000
        for s in 0..<steps {
            let loss = s == 4321 ? 1e9 : (s == 777 ? -5 : 1 / Double(s + 1))
            history.append(step: s, loss: loss)
        }
        XCTAssertEqual(history.count, steps)
        for columns in [1, 3, 7, 16, 100] {
            let curve = history.curve(columns: columns, totalSteps: steps)
            XCTAssertLessThanOrEqual(curve.buckets.count, columns)
            XCTAssertGreaterThan(curve.buckets.count, min(columns, 16) / 4, "a curve uses much of its width")
            XCTAssertEqual(curve.buckets.first?.firstStep, 0)
            XCTAssertEqual(curve.buckets.last?.lastStep, steps - 1)
            XCTAssertEqual(curve.buckets.last?.last, 1 / Double(steps))
            XCTAssertEqual(curve.buckets.map(\.max).max(), 1e9, "the spike survives at \(columns) columns")
            XCTAssertEqual(curve.buckets.map(\.min).min(), -5)
            for (a, b) in zip(curve.buckets, curve.buckets.dropFirst()) {
                XCTAssertEqual(b.firstStep, a.lastStep + 1, "buckets tile the steps")
            }
        }
    }

    func testZeroColumnsGivesNoBuckets() {
        var history = LossHistory(capacity: 4)
        history.append(step: 0, loss: 1)
        XCTAssertTrue(history.curve(columns: 0, totalSteps: 1).buckets.isEmpty)
    }
}
