// Weight bars compare importance: their lengths are z-score weights (w·σ), the numbers stay in data units.
@testable import Engine
import Plot
import XCTest
@testable import Trainer

final class WeightBarScaleTests: XCTestCase {
    func testBarsAreZScoreWeightsWithDataUnitNumbers() throws {
        var state = TrainerFixtures.state(width: 120, height: 40)
        state.featureNames = ["cm", "km"]
        state.snapshot.weights = [10, 5]
        // 10 per cm on a feature with σ = 0.1 moves y by 1 per σ; 5 per km with σ = 100 moves it by 500.
        state.featureScales = [0.1, 100]
        let buffer = TrainerScreen(state: state, charts: TrainerFixtures.charts()).render()
        let panel = state.layout.weights
        let rows = buffer.lines[panel.y..<panel.bottom]
        func bar(_ name: String) -> Int { rows.first { $0.contains(" \(name) ") }.map { $0.filter { $0 == "█" }.count } ?? -1 }
        XCTAssertGreaterThan(bar("km"), 10 * max(1, bar("cm")), buffer.text)
        XCTAssertTrue(rows.contains { $0.contains(" km ") && $0.contains(" 5 ") }, "the number is the data-unit weight\n" + buffer.text)
        XCTAssertTrue(rows.contains { $0.contains(" cm ") && $0.contains(" 10 ") }, buffer.text)
        XCTAssertTrue(buffer.lines[panel.y].contains("z-score"), "the title says how bars are scaled: " + buffer.lines[panel.y])
    }
}
