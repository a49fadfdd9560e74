// The data panel's views and the weight paths in the real binary in tmux: f and W switch them, as a person would.
import Foundation
import XCTest

final class FitViewEndToEndTests: XCTestCase {
    private var binary: String { TmuxSession.descentBinary }

    private func start(width: Int, height: Int, arguments: String = "") throws -> TmuxSession {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw XCTSkip("no descent binary at \(binary)") }
        let session = try TmuxSession(
            command: "'\(binary)' \(arguments); echo EXIT=$?; sleep 30", width: width, height: height,
            environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color"])
        try session.waitFor("the panels") { $0.contains("Loss") && $0.contains("Controls") }
        return session
    }

    func testLineDataOpensOnTheFitAndFCyclesTheViewsWhileWSwitchesTheWeights() throws {
        let tmux = try start(width: 80, height: 24, arguments: "--tol 0")
        defer { tmux.close() }
        var screen = try tmux.waitFor("the fit view") { $0.contains("Fit · y against x") && $0.contains("━━ model") }
        XCTAssertTrue(screen.contains("• train") || screen.contains("⠶ train"), screen)
        try tmux.send("Space")
        try tmux.waitFor("training") { $0.contains("RUNNING") }
        try tmux.send("f")
        try tmux.waitFor("predicted vs actual") { $0.contains("Predicted vs actual") }
        try tmux.send("f")
        try tmux.waitFor("the residuals view") { $0.contains("Residuals vs predicted") && $0.contains("r = 0") }
        try tmux.send("f")
        try tmux.waitFor("the fit again") { $0.contains("Fit · y against x") }
        try tmux.send("o")
        screen = try tmux.waitFor("the residuals note") { $0.contains("too many points") }
        try tmux.send("W")
        screen = try tmux.waitFor("the weight paths") { $0.contains("Weights over steps") && $0.contains("[bars]") }
        try tmux.send("W")
        try tmux.waitFor("the bars again") { $0.contains("[paths]") && !$0.contains("Weights over") }
        try tmux.send("q")
        try tmux.waitFor("exit") { $0.contains("EXIT=0") }
    }

    func testDiabetesShowsThePartialFitTheResidualsAndTenWeightPaths() throws {
        let tmux = try start(width: 120, height: 40, arguments: "--dataset diabetes")
        defer { tmux.close() }
        var screen = try tmux.capture()
        XCTAssertTrue(screen.contains("Predicted vs actual"), "several features: predicted vs actual first\n\(screen)")
        try tmux.send("f")
        try tmux.waitFor("the partial fit") { $0.contains("Partial fit · age") && $0.contains("[x: age]") }
        try tmux.send(")")
        try tmux.send(")")
        try tmux.waitFor("the third feature") { $0.contains("Partial fit · bmi") }
        try tmux.send("f")
        try tmux.waitFor("the residuals") { $0.contains("Residuals vs predicted") }
        try tmux.send("W")
        try tmux.send("Space")
        // Every coefficient and the intercept, each with its dashed w* once the closed form is in.
        screen = try tmux.waitFor("the weight paths with w*") { $0.contains("Weights over steps") && $0.contains("b*") }
        for name in ["age", "sex", "bmi", "bp", "s1", "s6"] {
            XCTAssertTrue(screen.contains(" " + name), "the legend names \(name):\n\(screen)")
        }
    }

    func testThePolynomialPresetDrawsTheCurveAndTheHeldOutPoints() throws {
        let preset = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Presets/polynomial-overfit.toml").path
        let tmux = try start(width: 120, height: 40, arguments: "--preset '\(preset)'")
        defer { tmux.close() }
        try tmux.send("Space")
        try tmux.send("c")
        let screen = try tmux.waitFor("the curve, the test points and the closed form") {
            $0.contains("Fit · y against x") && $0.contains("× test") && $0.contains("closed form")
        }
        XCTAssertTrue(screen.contains("[residuals]"), screen)
    }
}
