// Tests of the frame loop on the in-memory backend: every event is drawn at once, quit and signals end the loop.
import TestSupport
import Engine
import Plot
import Terminal
import XCTest
@testable import Trainer

final class TrainerAppTests: XCTestCase {
    private func makeApp(
        events: [InputEvent], width: Int = 80, height: Int = 24, noColor: Bool = false
    ) -> (TrainerApp, MemoryBackend, TrainingSession) {
        let x = (0..<50).map { Double($0) / 10 }
        let data = Dataset(name: "line", featureNames: ["x"], targetName: "y", x: x, y: x.map { 3 * $0 + 1 })
        let session = TrainingSession(train: data)
        let backend = MemoryBackend(width: width, height: height, events: events)
        let state = TrainerState(
            width: 1, height: 1, hyperparameters: Hyperparameters(), rowCount: data.rowCount, dataName: data.name,
            featureNames: data.featureNames)
        let app = TrainerApp(session: session, backend: backend, catalog: ThemeCatalog(userDirectory: nil), state: state, noColor: noColor)
        return (app, backend, session)
    }

    func testEveryEventIsDrawnAndQQuitsWithZero() {
        let (app, backend, session) = makeApp(events: [.key(.character("?")), .key(.escape), .key(.character("q"))])
        defer { session.shutdown() }
        XCTAssertEqual(app.run(maxIdleFrames: 5), 0)
        XCTAssertEqual(backend.frames.count, 4, "the first frame, then one per event")
        XCTAssertTrue(backend.frames[1].text.contains("Keys"))
        XCTAssertFalse(backend.frames[2].text.contains("Esc closes"))
        XCTAssertEqual(app.state.width, 80, "the state takes the backend's size")
    }

    func testResizeRedrawsAtTheNewSize() {
        let (app, backend, session) = makeApp(events: [.resize(width: 60, height: 20), .resize(width: 100, height: 30), .key(.character("q"))])
        defer { session.shutdown() }
        app.run(maxIdleFrames: 5)
        XCTAssertTrue(backend.frames[1].text.contains(TrainerScreen.tooSmallMessage))
        XCTAssertEqual(backend.frames[2].width, 100)
        XCTAssertTrue(backend.frames[2].text.contains("Controls"))
    }

    func testSignalEndsWithStatus128PlusSignal() {
        let (app, _, session) = makeApp(events: [.terminationSignal(2)])
        defer { session.shutdown() }
        XCTAssertEqual(app.run(maxIdleFrames: 5), 130)
    }

    func testThemeKeyAppliesTheNextTheme() {
        let (app, backend, session) = makeApp(events: [.key(.character("t")), .key(.character("q"))])
        defer { session.shutdown() }
        app.run(maxIdleFrames: 5)
        let light = ThemeCatalog(userDirectory: nil).theme(at: 1)
        XCTAssertEqual(backend.styles, light.styles)
        XCTAssertTrue(backend.frames[1].text.contains("theme: light"))
    }

    func testNoColorDrawsEveryThemeWithoutColour() {
        let (app, backend, session) = makeApp(events: [.key(.character("t")), .key(.character("q"))], noColor: true)
        defer { session.shutdown() }
        app.run(maxIdleFrames: 5)
        XCTAssertFalse(backend.styles.usesColor)
        XCTAssertTrue(backend.styles.style(for: .lossTrain).attributes.contains(.bold), "attributes survive NO_COLOR")
    }

    func testSpaceStartsTheRealEngine() {
        let (app, backend, session) = makeApp(events: [.key(.character(" "))])
        defer { session.shutdown() }
        app.run(maxIdleFrames: 1)
        XCTAssertTrue(backend.frames[1].lines[0].contains("RUNNING"), "the key's effect is in the very next frame")
        waitFor(session, "a first step") { $0.step > 0 }
        XCTAssertGreaterThan(session.snapshot().step, 0, "the session trains on its own thread")
    }

    /// The frame the benchmark times is the real screen: status, data name, both charts drawn, the fit's numbers.
    func testFrameBenchmarkRendersAFullFrame() {
        let draw = FrameBenchmark.frameDrawer(width: 120, height: 40, points: 1_000, historySteps: 10_000)
        var buffer = Buffer(width: 120, height: 40)
        draw(&buffer, 0)
        let text = buffer.text
        XCTAssertTrue(text.contains("RUNNING"), text)
        XCTAssertTrue(text.contains("bench"), text)
        let inked = text.unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) || (0x2580...0x259F).contains($0.value) }
        XCTAssertGreaterThan(inked.count, 100, "the scatter and the loss curve put ink on the screen:\n\(text)")
    }
}
