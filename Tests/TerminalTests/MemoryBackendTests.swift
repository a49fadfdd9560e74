// Tests for the in-memory backend: scripted events, resizes and recorded frames.
import Plot
import Terminal
import XCTest

final class MemoryBackendTests: XCTestCase {
    func testPlaysEventsInOrderAndResizes() {
        let backend = MemoryBackend(
            width: 80, height: 24, events: [.key(.character("a")), .resize(width: 100, height: 30), .key(.escape)])
        XCTAssertEqual(backend.nextEvent(timeoutMilliseconds: 0), .key(.character("a")))
        XCTAssertEqual(backend.size.width, 80)
        XCTAssertEqual(backend.nextEvent(timeoutMilliseconds: 0), .resize(width: 100, height: 30))
        XCTAssertEqual(backend.size.width, 100)
        XCTAssertEqual(backend.size.height, 30)
        XCTAssertEqual(backend.nextEvent(timeoutMilliseconds: 0), .key(.escape))
        XCTAssertNil(backend.nextEvent(timeoutMilliseconds: 0))
    }

    func testRecordsFramesAndStyles() {
        let backend = MemoryBackend(width: 4, height: 1)
        var frame = Buffer(width: 4, height: 1)
        frame.write("hi", x: 1, y: 0)
        backend.draw(frame)
        backend.apply(StyleSheet(usesColor: false))
        XCTAssertEqual(backend.frames.count, 1)
        XCTAssertEqual(backend.lastFrame?.text, " hi ")
        XCTAssertFalse(backend.styles.usesColor)
    }
}
