// The real binary shows "loading FILE… N rows" on the terminal while a CSV loads, then the trainer.
import Foundation
import XCTest

final class LoadingEndToEndTests: XCTestCase {
    private var binary: String { TmuxSession.descentBinary }

    /// DESCENT_TEST_LOAD_GATE holds the load after the rows are read until the file it names exists, so the
    /// loading line can be seen without depending on how fast the machine reads.
    func testTheLoadingLineShowsTheFileAndItsRowsBeforeThePanels() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw XCTSkip("no descent binary at \(binary)") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-loading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("big.csv").path, gate = directory.appendingPathComponent("go").path
        var text = "a,b,c,y\n"
        for i in 0..<20_000 { text += "\(i % 97),\(i % 13).5,\(i % 7),\(3 * (i % 97) + i % 7)\n" }
        try text.write(toFile: csv, atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(
            command: "cd '\(directory.path)' && '\(binary)' big.csv; sleep 30", width: 80, height: 24,
            environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color", "DESCENT_TEST_LOAD_GATE": gate])
        defer { tmux.close() }
        let loading = try tmux.waitFor("the loading line", seconds: 30) { $0.contains("loading big.csv… 20,000 rows (100%)") }
        XCTAssertFalse(loading.contains("Controls"), "the panels wait for the data:\n\(loading)")
        XCTAssertTrue(FileManager.default.createFile(atPath: gate, contents: Data()), "the gate file")
        let panels = try tmux.waitFor("the panels", seconds: 30) { $0.contains("Controls") }
        XCTAssertTrue(panels.contains("big.csv (20000 rows, 3 features)") || panels.contains("big.csv"), panels)
        XCTAssertFalse(panels.contains("loading big.csv"), panels)
    }
}
