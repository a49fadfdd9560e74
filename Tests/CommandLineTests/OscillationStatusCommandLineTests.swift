// OscillationStatus through the `descent` binary: what the command line does with it (moved from EngineTests).
import XCTest
@testable import Engine
import TestSupport

final class OscillationStatusCommandLineTests: XCTestCase {
    func testFitAtTheBoundSaysOscillating() throws {
        let outcome = try DescentProcess.run(["fit", "--lr", "1.0", "--steps", "50"])
        XCTAssertFalse(outcome.stdout.contains("converged"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("oscillating"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("stability bound"), outcome.stdout)
    }
}
