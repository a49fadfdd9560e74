// The thinned parameter path: bounded, evenly spread, first and last kept.
import XCTest
import Engine

final class ParameterTrajectoryTests: XCTestCase {
    func testThinsToStayWithinCapacity() {
        var path = ParameterTrajectory(capacity: 8)
        for step in 0...100 { path.record(step: step, weights: [Double(step)], intercept: nil) }
        XCTAssertLessThan(path.points.count, 8)
        XCTAssertEqual(path.stride, 16)
        XCTAssertEqual(path.points.map(\.step), [0, 16, 32, 48, 64, 80, 96])
        XCTAssertEqual(path.points.map { $0.weights[0] }, [0, 16, 32, 48, 64, 80, 96])
    }

    func testSkippedAndRepeatedStepsAreNotKept() {
        var path = ParameterTrajectory(capacity: 100)
        path.record(step: 3, weights: [1], intercept: 2)
        path.record(step: 3, weights: [5], intercept: 2)
        XCTAssertEqual(path.points.count, 1)
        XCTAssertFalse(path.wants(step: 3))
        XCTAssertTrue(path.wants(step: 4))
        path.clear()
        XCTAssertTrue(path.points.isEmpty)
        XCTAssertTrue(path.wants(step: 0))
    }

    func testDecimationKeepsTheEnds() {
        var path = ParameterTrajectory(capacity: 1000)
        for step in 0..<500 { path.record(step: step, weights: [0], intercept: nil) }
        let few = path.decimated(maxPoints: 10)
        XCTAssertEqual(few.count, 10)
        XCTAssertEqual(few.first?.step, 0)
        XCTAssertEqual(few.last?.step, 499)
        XCTAssertEqual(path.decimated(maxPoints: 1000).count, 500)
        XCTAssertEqual(path.decimated(maxPoints: 1).map(\.step), [499])
        XCTAssertTrue(path.decimated(maxPoints: 0).isEmpty)
    }
}
