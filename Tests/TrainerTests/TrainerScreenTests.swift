// Tests of whole frames: golden screens at 80×24 and 160×48, overlays, closed-form figures, divergence, too small.
import TestSupport
@testable import Engine
import Plot
import XCTest
@testable import Trainer

final class TrainerScreenTests: XCTestCase {
    private func frame(_ state: TrainerState) -> Buffer {
        TrainerScreen(state: state, charts: TrainerFixtures.charts()).render()
    }

    func testGolden80x24() {
        golden.assertMatches(frame(TrainerFixtures.state(width: 80, height: 24)), named: "screen-80x24")
    }

    func testGolden160x48Comparing() {
        golden.assertMatches(
            frame(TrainerFixtures.state(width: 160, height: 48, comparing: true)), named: "screen-160x48-comparing")
    }

    func testGolden80x24Help() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.overlay = .help
        golden.assertMatches(frame(state), named: "screen-80x24-help")
    }

    func testGolden80x24HelpSecondPage() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.overlay = .help
        state.helpPage = 1
        golden.assertMatches(frame(state), named: "screen-80x24-help-page2")
    }

    func testGolden120x40Help() {
        var state = TrainerFixtures.state(width: 120, height: 40)
        state.overlay = .help
        golden.assertMatches(frame(state), named: "screen-120x40-help")
    }

    func testPanelsAndStatusBarFigures() {
        let text = frame(TrainerFixtures.state(width: 80, height: 24)).text
        for title in ["Loss", "Weights", "Predicted vs actual", "Controls"] { XCTAssertTrue(text.contains(title), title) }
        let status = frame(TrainerFixtures.state(width: 80, height: 24)).lines.last!
        for figure in ["step 1234", "lr 0.1", "batch 200", "R² 0.9876", "MSE 0.5123", "12k", "GD"] {
            XCTAssertTrue(status.contains(figure), "status bar lacks \(figure): \(status)")
        }
    }

    func testLossScalingShowsInTheTitleStatusBarAndSlider() {
        var state = TrainerFixtures.state(width: 120, height: 40)
        state.hyperparameters.loss = .halfSSE
        state.snapshot.hyperparameters.loss = .halfSSE
        state.snapshot.trainLoss = 51.23
        // A ½SSE session's bound is the MSE one ÷ k (k = n/2 = 100): the fixture's 0.25 becomes 0.0025.
        state.snapshot.largestStableLearningRate = 0.25 / 100
        let text = frame(state).text
        XCTAssertTrue(text.contains("Loss J = ½·Σr² · log y"), text)
        XCTAssertTrue(frame(state).lines.last!.contains("train ½SSE 51.23"), frame(state).lines.last!)
        // 200 rows: the slider spans whole decades from 10⁻⁵ to 10 times that bound, 1e-8 … 0.1 (1e-5/100 … 10/100 until it is known).
        XCTAssertEqual(state.learningRateScale.upper, 0.1, accuracy: 1e-15)
        XCTAssertEqual(state.learningRateScale.lower, 1e-8, accuracy: 1e-22)
        XCTAssertFalse(frame(TrainerFixtures.state(width: 120, height: 40)).text.contains("Loss J ="))
    }

    /// SGD under invscaling at step 1234 (rate η₀/1235^0.25), the rate drawn over the loss chart.
    private func scheduleState(width: Int, height: Int) -> (TrainerState, ChartData) {
        var state = TrainerFixtures.state(width: width, height: height)
        state.hyperparameters.method = .sgd
        state.hyperparameters.schedule = LearningRateSchedule(kind: .invscaling)
        state.snapshot.hyperparameters = state.hyperparameters
        state.snapshot.currentLearningRate = LearningRateSchedule(kind: .invscaling).rate(base: 0.1, steps: 1234, epochs: 0)
        state.showsRate = true
        var charts = TrainerFixtures.charts()
        let rates = (0..<120).map { i -> LossCurve.Bucket in
            let first = i * 1234 / 120, last = max(first, (i + 1) * 1234 / 120 - 1)
            let rate = 0.1 / pow(Double(last + 1), 0.25), highest = 0.1 / pow(Double(first + 1), 0.25)
            return LossCurve.Bucket(firstStep: first, lastStep: last, min: rate, max: highest, last: rate)
        }
        charts.rate = LossCurve(buckets: rates, totalSteps: 1234)
        return (state, charts)
    }

    func testGoldenScheduleControl() {
        for (width, height) in [(80, 24), (120, 40)] {
            let (state, charts) = scheduleState(width: width, height: height)
            golden.assertMatches(
                TrainerScreen(state: state, charts: charts).render(), named: "schedule-\(width)x\(height)")
        }
    }

    func testScheduleShowsItsCurrentRateOnTheSliderAndStatusBar() {
        let (state, charts) = scheduleState(width: 120, height: 40)
        let frame = TrainerScreen(state: state, charts: charts).render()
        XCTAssertTrue(frame.text.contains("Controls · lr invscaling p 0.25"), frame.text)
        XCTAssertTrue(frame.lines.last!.contains("lr 0.0169↓"), frame.lines.last!)
        XCTAssertTrue(frame.text.contains("rate 0.1…0.0169"), frame.text)
        XCTAssertTrue(frame.text.contains("Loss · log y · rate: own scale"), frame.text)
        // The knob sits where the current rate is, left of where η₀ would put it.
        let decayed = ControlsPanel(state: state).slider(.learningRate)
        XCTAssertEqual(decayed.fraction, state.learningRateScale.fraction(of: state.snapshot.currentLearningRate), accuracy: 1e-12)
        XCTAssertLessThan(decayed.fraction, state.learningRateScale.fraction(of: 0.1))
    }

    func testGoldenWeightsMarkExactZerosUnderL1() {
        var state = TrainerFixtures.state(width: 120, height: 40)
        state.featureNames = ["age", "sex", "bmi", "bp", "s1"]
        state.hyperparameters.l1 = 10
        state.snapshot.hyperparameters.l1 = 10
        state.snapshot.weights = [0, -4.3195, 5.4872, 0.7478, 0]
        let frame = TrainerScreen(state: state, charts: TrainerFixtures.charts()).render()
        XCTAssertTrue(frame.text.contains("age =0"), frame.text)
        XCTAssertTrue(frame.text.contains("s1 =0"), frame.text)
        XCTAssertFalse(frame.text.contains("bmi =0"), frame.text)
        XCTAssertTrue(frame.text.contains("Loss J = (1/n)·Σr² + α₁‖w‖₁ · log y"), frame.text)
        golden.assertMatches(frame, named: "weights-zeros-120x40")
    }

    func testShortStatusBarKeepsTheScalingAndSkipsGDsEpoch() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.snapshot.step = 5000
        state.snapshot.trainLossStep = 5000
        state.snapshot.epoch = 5000
        state.snapshot.trainLoss = 3.06
        state.snapshot.trainR2 = 0.9281
        state.snapshot.stepsPerSecond = 0
        state.hyperparameters.update = .adam
        var status = frame(state).lines.last!
        XCTAssertTrue(status.contains("z-scores"), status)
        XCTAssertFalse(status.contains(" ep "), "GD's epoch is its step: \(status)")
        state.hyperparameters.method = .sgd
        state.snapshot.epoch = 25
        status = frame(state).lines.last!
        XCTAssertTrue(status.contains("ep 25.0"), status)
    }

    func testStatusBarFitsWorstCaseAt80Columns() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.snapshot.step = 12_345_678
        state.snapshot.trainLossStep = 12_345_678
        state.snapshot.epoch = 61_728.4
        state.snapshot.trainLoss = 12_345.678
        state.snapshot.trainR2 = -0.1234
        state.hyperparameters = Hyperparameters(method: .minibatch, update: .nesterov, learningRate: 0.00025, batchSize: 128)
        let status = frame(state).lines.last!
        for figure in ["step 12345678", "lr 0.00025", "batch 128", "R² -0.1234", "/s"] {
            XCTAssertTrue(status.contains(figure), "status bar lacks \(figure): \(status)")
        }
    }

    /// SGD's loss hops between 0.9xxx and 1.xxx every frame: the bar must not hop between its wide and narrow
    /// forms with it (separators flickering on a projector). Only the step count's growth may change the form.
    func testStatusBarFormDoesNotFlickerWithTheLoss() {
        func separators(_ line: String) -> String {
            let text = String(line.reversed().drop { $0 == " " }.reversed())
            return String(text.filter { $0 == "│" }) + "\(text.components(separatedBy: "  ").count) \(text.contains("test MSE"))"
        }
        for width in [80, 100, 120] {
            for step in [9, 99, 999, 9_999, 99_999, 999_999] {
                var forms = Set<String>()
                for (loss, r2) in [(0.9568, 0.9876), (1.071, 0.9729), (0.999_9, -0.5), (12.34, 0.9)] {
                    var state = TrainerFixtures.state(width: width, height: 24)
                    state.snapshot.step = step
                    state.snapshot.epoch = Double(step) / 10
                    state.snapshot.trainLoss = loss
                    state.snapshot.trainR2 = r2
                    state.snapshot.testLoss = loss * 1.1
                    forms.insert(separators(frame(state).lines.last!))
                }
                XCTAssertEqual(forms.count, 1, "\(width) columns, step \(step): the bar changed form with the loss")
            }
        }
    }

    /// A long CSV name is cut, not the run state: the back row reads RUNNING or CONVERGED whatever the file.
    func testLongDataNameGivesWayToTheRunStateAndHint() {
        var starts = Set<Int>()
        for status in [TrainingStatus.ready, .running, .paused, .converged, .diverged] {
            var state = TrainerFixtures.state(width: 80, height: 24, status: status)
            state.dataName = "household_energy_consumption_measurements_2024.csv"
            let title = frame(state).lines[0]
            XCTAssertTrue(title.contains(TitleBar.word(for: status)), title)
            XCTAssertTrue(title.contains("? help  q quit"), title)
            XCTAssertTrue(title.contains("household_ener") && title.contains("… (200 rows"), title)
            starts.insert(title.distance(from: title.startIndex, to: title.range(of: TitleBar.word(for: status))!.lowerBound))
        }
        XCTAssertEqual(starts.count, 1, "the state word stays put as it changes")
        var race = RaceState(
            width: 80, height: 24, dataName: String(repeating: "long_name_", count: 10), rowCount: 300, featureNames: ["x"],
            contestants: RaceContestant.standard(stableRate: 1))
        race.snapshots[0].status = .running
        XCTAssertTrue(RaceScreen(state: race, curves: []).render().lines[0].contains("RUNNING"))
    }

    func testHelpListsEveryKey() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        state.overlay = .help
        let text = frame(state).text
        for binding in TrainerKeymap.keys.commands { XCTAssertTrue(text.contains(binding.help), binding.help) }
    }

    func testClosedFormFiguresWhileComparing() {
        let text = frame(TrainerFixtures.state(width: 80, height: 24, comparing: true)).text
        for figure in ["‖w − w*‖ 0.0124", "loss − loss* 0.0123", "rank 2", "κ GD 1.732", "2/λmax = 0.25"] {
            XCTAssertTrue(text.contains(figure), "missing \(figure)")
        }
        XCTAssertTrue(text.contains("◆"), "the weights chart marks w*")
        var computing = TrainerFixtures.state(width: 80, height: 24)
        computing.isComparing = true
        XCTAssertTrue(frame(computing).text.contains("computing"))
    }

    func testExcessLossHidesRoundingNoiseOnly() {
        XCTAssertEqual(ClosedFormStats.excessLoss(2872.0 - 2.7e-12, optimum: 2872.0), 0)
        XCTAssertEqual(ClosedFormStats.excessLoss(1.5, optimum: 1.0), 0.5)
        XCTAssertEqual(ClosedFormStats.excessLoss(0.9, optimum: 1.0), -0.1, accuracy: 1e-12, "a real deficit is shown")
    }

    func testDivergenceShowsTheEngineMessage() {
        var state = TrainerFixtures.state(width: 80, height: 24, status: .diverged)
        state.snapshot.trainLoss = .nan
        let text = frame(state).text
        XCTAssertTrue(text.contains("DIVERGED"))
        XCTAssertTrue(text.contains("loss became infinite at lr 5"))
        XCTAssertFalse(text.lowercased().contains("nan"), "NaN must never reach the screen")
    }

    func testTooSmallShowsTheMessageOnly() {
        for (width, height) in [(79, 24), (80, 23), (20, 5)] {
            let text = frame(TrainerFixtures.state(width: width, height: height)).text
            XCTAssertTrue(text.contains(TrainerScreen.tooSmallMessage) || width < TrainerScreen.tooSmallMessage.count, "\(width)×\(height)")
            XCTAssertFalse(text.contains("Controls"))
        }
        XCTAssertEqual(TrainerScreen.tooSmallMessage, "terminal too small (need 80×24)")
    }

    func testZeroSizeDoesNotCrash() {
        XCTAssertEqual(frame(TrainerFixtures.state(width: 0, height: 0)).text, "")
    }

    func testLayoutAdaptsAndControlsFit() {
        for (width, height) in [(80, 24), (100, 30), (120, 40), (160, 48), (240, 70)] {
            let layout = ScreenLayout(width: width, height: height)
            XCTAssertFalse(layout.isTooSmall)
            XCTAssertGreaterThanOrEqual(layout.controls.height, ScreenLayout.controlsHeight)
            XCTAssertEqual(layout.loss.width + layout.weights.width, width)
            XCTAssertEqual(layout.loss.height + layout.prediction.height, height - 2)
            let inner = PanelFrame.inner(of: layout.controls)
            for id in ControlID.allCases {
                let area = layout.controlAreas[id]!
                XCTAssertEqual(area.intersection(inner), area, "\(id) inside Controls at \(width)×\(height)")
            }
            XCTAssertLessThanOrEqual(layout.controlAreas[.closedForm]!.right, inner.right)
        }
    }
}

final class PathViewTests: XCTestCase {
    func testGoldenPathViewOnDiabetes() throws {
        let data = try DataSpecification(source: .builtin(.diabetes)).load().train
        let path = RegularizationPath(train: data, fitIntercept: true, standardized: true)
        var state = TrainerState(
            width: 120, height: 40, hyperparameters: Hyperparameters(l1: 10), rowCount: data.rowCount,
            dataName: "diabetes", featureNames: data.featureNames)
        XCTAssertEqual(state.handle(.key(.character("P"))), [])
        XCTAssertTrue(state.showsPath)
        let frame = TrainerScreen(state: state, charts: ChartData(), path: path).render()
        XCTAssertTrue(frame.text.contains("enter: bmi, s5, bp, s3, sex, s6, s1, s4, s2, age"), frame.text)
        XCTAssertTrue(frame.text.contains("│ alpha 5.000 (--l1 10.00)"), frame.text)
        golden.assertMatches(frame, named: "path-120x40")
        let computing = TrainerScreen(state: state, charts: ChartData()).render()
        XCTAssertTrue(computing.text.contains("computing the path"))
        _ = state.handle(.key(.escape))
        XCTAssertFalse(state.showsPath)
    }
}
