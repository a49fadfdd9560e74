// The loading screen: its line says the file, the rows so far and the share read, and it is drawn while the load runs.
import Engine
import Foundation
import Plot
import Terminal
import XCTest
@testable import Trainer

final class DataLoadingScreenTests: XCTestCase {
    func testTheLineSaysTheFileTheRowsAndTheShareRead() {
        XCTAssertEqual(LoadingLine(name: "big.csv", bytesRead: 250, totalBytes: 1000, rows: 12_345, stage: .reading).text,
                       "loading big.csv… 12,345 rows (25%)")
        XCTAssertEqual(LoadingLine(name: "synthetic", bytesRead: 0, totalBytes: 0, rows: 1_000_000, stage: .reading).text,
                       "making synthetic… 1,000,000 rows")
        XCTAssertEqual(LoadingLine(name: "a\u{1b}b.csv", bytesRead: 0, totalBytes: 0, rows: 0, stage: .reading).text,
                       "loading a\\x1bb.csv…", "a control byte in the name is escaped")
        XCTAssertEqual(LoadingLine(name: "big.csv", bytesRead: 1000, totalBytes: 1000, rows: 5_000, stage: .preparing).text,
                       "loaded big.csv: 5,000 rows; preparing the session…")
        let buffer = LoadingLine(name: "big.csv", bytesRead: 1, totalBytes: 2, rows: 7, stage: .reading).render(width: 80, height: 24)
        XCTAssertEqual(buffer.lines[11].trimmingCharacters(in: .whitespaces), "loading big.csv… 7 rows (50%)")
    }

    /// The screen draws the line while the work runs (the work waits until the last rows are on screen) and
    /// hands back the work's result.
    func testTheScreenShowsTheRowsReadWhileTheLoadRunsAndReturnsItsResult() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("descent-loading-\(UUID().uuidString).csv").path
        defer { unlink(path) }
        try ("x,y\n" + (0..<3000).map { "\($0),\(2 * $0)\n" }.joined()).write(toFile: path, atomically: true, encoding: .utf8)
        let backend = SignallingBackend(width: 80, height: 24, waitingFor: "loading data.csv… 3,000 rows (100%)")
        let progress = LoadProgress()
        let outcome = DataLoadingScreen.wait(on: backend, name: "data.csv", progress: progress) {
            let loaded = try DataSpecification(source: .csv(path: path)).load(progress: progress)
            backend.seen.wait()  // the load is done; it ends once the screen has shown all its rows
            return loaded.train.rowCount
        }
        guard case .finished(.success(let rows)) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(rows, 3000)
        XCTAssertTrue(backend.texts.contains { $0.contains("loading data.csv… 3,000 rows (100%)") }, "\(backend.texts)")
    }

    func testQOrASignalQuitsTheWait() {
        let backend = SignallingBackend(width: 40, height: 10, waitingFor: "never")
        backend.events = [.key(.character("q"))]
        let gate = DispatchSemaphore(value: 0)
        defer { gate.signal() }
        guard case .quit(nil) = DataLoadingScreen.wait(on: backend, name: "x", progress: LoadProgress(), work: { gate.wait() }) else {
            return XCTFail("q quits")
        }
        backend.events = [.terminationSignal(15)]
        guard case .quit(15) = DataLoadingScreen.wait(on: backend, name: "x", progress: LoadProgress(), work: { gate.wait() }) else {
            return XCTFail("SIGTERM quits")
        }
        gate.signal()
    }
}

/// A backend that keeps each frame's text and signals `seen` once a frame shows `text`.
private final class SignallingBackend: Backend, @unchecked Sendable {
    let size: (width: Int, height: Int)
    let seen = DispatchSemaphore(value: 0)
    private let awaited: String
    private var signalled = false
    var texts: [String] = []
    var events: [InputEvent] = []

    init(width: Int, height: Int, waitingFor text: String) {
        size = (width, height)
        awaited = text
    }

    func apply(_ styles: StyleSheet) {}

    func draw(_ frame: Buffer) {
        texts.append(frame.text)
        if !signalled && frame.text.contains(awaited) {
            signalled = true
            seen.signal()
        }
    }

    func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard events.isEmpty else { return events.removeFirst() }
        Thread.sleep(forTimeInterval: 0.005)
        return nil
    }
}
