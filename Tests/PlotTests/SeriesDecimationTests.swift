// Series.decimated: buckets keep min, max and last of each x slice, and skip non-finite points.
import Plot
import XCTest

final class SeriesDecimationTests: XCTestCase {
    func testBucketsKeepExtremesAndLast() {
        let xs = (0..<10).map(Double.init)
        let ys: [Double] = [5, 1, 9, 3, .nan, 4, 2, 8, 6, 7]
        let s = Series(name: "s", role: .text, xs: xs, ys: ys).decimated(into: 2)
        guard case let .buckets(b) = s.data else { return XCTFail("buckets expected") }
        XCTAssertEqual(b, [
            Series.Bucket(x0: 0, x1: 3, min: 1, max: 9, last: 3),
            Series.Bucket(x0: 5, x1: 9, min: 2, max: 8, last: 7),
        ])
    }

    func testAMillionPointsIntoAHundredBucketsKeepTheSpike() {
        let n = 1_000_000
        let xs = (0..<n).map(Double.init)
        var ys = Array(repeating: 1.0, count: n)
        ys[123_456] = 1000
        let s = Series(name: "s", role: .text, xs: xs, ys: ys).decimated(into: 100)
        guard case let .buckets(b) = s.data else { return XCTFail("buckets expected") }
        XCTAssertEqual(b.count, 100)
        XCTAssertEqual(b.firstIndex { $0.max == 1000 }, 12)
        XCTAssertEqual(b.filter { $0.max == 1000 }.count, 1)
        XCTAssertEqual(b.last?.x1, Double(n - 1))
    }

    func testEmptyAndConstantX() {
        let empty = Series(name: "s", role: .text, xs: [], ys: []).decimated(into: 10)
        guard case let .buckets(none) = empty.data else { return XCTFail("buckets expected") }
        XCTAssertTrue(none.isEmpty)
        let same = Series(name: "s", role: .text, xs: [2, 2, 2], ys: [1, 3, 2]).decimated(into: 10)
        guard case let .buckets(one) = same.data else { return XCTFail("buckets expected") }
        XCTAssertEqual(one, [Series.Bucket(x0: 2, x1: 2, min: 1, max: 3, last: 2)])
    }
}
