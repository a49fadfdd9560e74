// A learning rate at the stability bound bounces at equal loss: that is "oscillating", never "converged".
import MessageText
import XCTest
@testable import Engine

final class OscillationStatusTests: XCTestCase {
    private func line() throws -> Dataset { try BuiltinDataset.line.make(SyntheticParameters(), seed: 0) }

    func testRateAtTheBoundIsOscillatingNotConverged() throws {
        var run = TrainingRun(train: try line(), stop: .init(steps: 50, tolerance: 1e-10))
        let bound = run.largestStableLearningRate()
        run.setHyperparameters(.init(method: .gd, learningRate: bound))
        while run.takeStep() {}
        XCTAssertEqual(run.outcome, .oscillating, run.message ?? "")
        XCTAssertTrue(run.message?.contains("stability bound") ?? false, run.message ?? "")
        XCTAssertTrue(run.message?.contains(NumberText.inMessage(bound)) ?? false, run.message ?? "")
    }

    func testOrdinaryRateStillConverges() throws {
        var run = TrainingRun(train: try line(), hyperparameters: .init(method: .gd, learningRate: 0.3), stop: .init(tolerance: 1e-10))
        for _ in 0..<10_000 where run.takeStep() {}
        XCTAssertEqual(run.outcome, .converged, run.message ?? "")
        XCTAssertGreaterThan(run.trainMetrics().rSquared, 0.9)
    }

    /// `descent fit --lr 1.0 --steps 50` on the default data: at 2/λmax = 1 exactly, not converged.
    /// Every status fit can print reads the same in the UI's title bar, and the README says what each means.
    func testStatusWordsAgreeWithFitAndAreDocumented() throws {
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md"), encoding: .utf8)
        for status in TrainingStatus.allCases {
            XCTAssertTrue(readme.contains("`\(status.rawValue)`:") || readme.contains("`\(status.rawValue)` —"),
                "README explains \(status.rawValue)")
        }
    }
}
