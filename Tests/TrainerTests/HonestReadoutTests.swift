// What the screen says about the loss and the run's state is true: stale losses say their age, statuses read as fit prints them.
@testable import Engine
import Plot
import XCTest
@testable import Trainer

final class HonestReadoutTests: XCTestCase {
    private func render(_ state: TrainerState) -> Buffer {
        TrainerScreen(state: state, charts: TrainerFixtures.charts()).render()
    }

    /// SGD on large data: the full loss is 480 steps old; the screen says so and shows the batch average.
    func testStaleLossSaysHowOldItIsAndTheBatchAverageIsShown() {
        for (width, height) in [(80, 24), (120, 40)] {
            var state = TrainerFixtures.state(width: width, height: height, status: .running)
            state.hyperparameters.method = .sgd
            state.snapshot.hyperparameters.method = .sgd
            state.snapshot.step = 500
            state.snapshot.trainLossStep = 20
            state.snapshot.batchLossAverage = 7.25
            let text = render(state).text
            XCTAssertTrue(text.contains("480 steps old") || text.contains("480 old"), "\(width)×\(height):\n\(text)")
            XCTAssertTrue(text.contains("batch avg 7.250"), "\(width)×\(height):\n\(text)")
        }
    }

    func testFreshLossHasNoAge() {
        var state = TrainerFixtures.state(width: 120, height: 40, status: .paused)
        state.snapshot.trainLossStep = state.snapshot.step
        XCTAssertFalse(render(state).text.contains(" old"))
    }

    /// The title bar's word for every status is fit's `status:` word.
    func testTitleBarWordsAreFitsStatusWords() {
        for status in TrainingStatus.allCases {
            XCTAssertEqual(TitleBar.word(for: status), status.rawValue.uppercased())
        }
    }
}
