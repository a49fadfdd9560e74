// Tests for the slider, button, selector and panel frame, rendered into small buffers.
import MessageText
import Plot
import XCTest
@testable import Trainer

final class WidgetTests: XCTestCase {
    func testSliderDrawsKnobAtItsFraction() {
        var buffer = Buffer(width: 40, height: 1)
        let area = buffer.area
        Slider(label: "lr", fraction: 0.5, valueText: "0.01").render(into: &buffer, area: area)
        let track = Slider.track(in: area)
        XCTAssertEqual(track.x, Slider.labelWidth)
        let knob = track.x + Slider.column(of: 0.5, trackWidth: track.width)
        XCTAssertEqual(buffer[knob, 0].character, "●")
        XCTAssertEqual(buffer[track.x, 0].character, "━")
        XCTAssertEqual(buffer[track.right - 1, 0].character, "─")
        XCTAssertTrue(buffer.text.hasPrefix("lr     "))
        XCTAssertTrue(buffer.text.contains(" 0.01"))
    }

    func testSliderHitTestingClampsToTrack() {
        let area = Rect(x: 10, y: 3, width: 40, height: 1)
        let track = Slider.track(in: area)
        XCTAssertEqual(Slider.fraction(atX: track.x, in: area), 0)
        XCTAssertEqual(Slider.fraction(atX: track.right - 1, in: area), 1)
        XCTAssertEqual(Slider.fraction(atX: 0, in: area), 0)
        XCTAssertEqual(Slider.fraction(atX: 500, in: area), 1)
        XCTAssertEqual(Slider.fraction(atX: track.x + (track.width - 1) / 2, in: area), 0.5, accuracy: 0.05)
    }

    func testSliderMarksStableRateAndWarnsAbove() {
        var buffer = Buffer(width: 40, height: 1)
        Slider(label: "lr", fraction: 0.8, valueText: "1", markerFraction: 0.4, isWarning: true)
            .render(into: &buffer, area: buffer.area)
        let track = Slider.track(in: buffer.area)
        let marker = track.x + Slider.column(of: 0.4, trackWidth: track.width)
        let knob = track.x + Slider.column(of: 0.8, trackWidth: track.width)
        XCTAssertEqual(buffer[marker, 0].character, "┃")
        XCTAssertEqual(buffer[knob, 0].role, .sliderWarning)
        XCTAssertEqual(buffer[knob - 1, 0].role, .sliderWarning)
        XCTAssertEqual(buffer[marker - 1, 0].role, .sliderFill)
    }

    func testSliderTooNarrowDrawsNothing() {
        var buffer = Buffer(width: 10, height: 1)
        Slider(label: "lr", fraction: 0.5, valueText: "1").render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.text, String(repeating: " ", count: 10))
    }

    func testButtonShowsFocusAndActiveRoles() {
        var buffer = Buffer(width: 10, height: 1)
        Button(title: "Step").render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.text, "[Step]    ")
        XCTAssertEqual(buffer[0, 0].role, .button)
        Button(title: "Step", isFocused: true).render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer[0, 0].role, .buttonFocus)
        Button(title: "Step", isActive: true).render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer[0, 0].role, .buttonActive)
    }

    func testSelectorListsOptionsAndHitsThem() {
        let selector = Selector(label: "method", options: ["GD", "SGD", "mini-batch"], selected: 1)
        var buffer = Buffer(width: 36, height: 1)
        selector.render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.text, "method  GD [SGD] mini-batch         ")
        let rects = selector.optionRects(in: buffer.area)
        XCTAssertEqual(rects.count, 3)
        XCTAssertEqual(selector.option(atX: rects[0].x + 1, in: buffer.area), 0)
        XCTAssertEqual(selector.option(atX: rects[2].right - 1, in: buffer.area), 2)
        XCTAssertNil(selector.option(atX: 0, in: buffer.area))
    }

    func testSelectorGoesCompactWhenNarrow() {
        let selector = Selector(label: "update", options: ["plain", "momentum", "nesterov", "adam"], selected: 1)
        var buffer = Buffer(width: 30, height: 1)
        selector.render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.text, "update ‹ momentum ›           ")
        XCTAssertEqual(selector.option(atX: Slider.labelWidth, in: buffer.area), 0)
        XCTAssertEqual(selector.option(atX: Slider.labelWidth + 10, in: buffer.area), 2)
    }

    func testPanelFrameDrawsBorderAndTitle() {
        var buffer = Buffer(width: 12, height: 3)
        PanelFrame(title: "Loss").render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.lines, ["╭─ Loss ───╮", "│          │", "╰──────────╯"])
        XCTAssertEqual(PanelFrame.inner(of: buffer.area), Rect(x: 1, y: 1, width: 10, height: 1))
    }

    func testPanelFrameTooSmallIsSkipped() {
        var buffer = Buffer(width: 1, height: 1)
        PanelFrame(title: "Loss").render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.text, " ")
    }

    func testReadoutNeverShowsNaN() {
        XCTAssertEqual(NumberText.figure(.nan), "—")
        XCTAssertEqual(NumberText.figure(.infinity), "—")
        XCTAssertEqual(NumberText.rate(.nan), "—")
        XCTAssertEqual(NumberText.count(-.infinity), "—")
        XCTAssertEqual(NumberText.figure(0.5123), "0.5123")
        XCTAssertEqual(NumberText.figure(1.5e-7), "1.50e-07")
        XCTAssertEqual(NumberText.rate(0.1), "0.1")
        XCTAssertEqual(NumberText.count(12_345), "12k")
    }
}
