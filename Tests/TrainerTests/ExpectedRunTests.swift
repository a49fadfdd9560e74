// Optimistic run state: shown over the snapshot until the engine acts on it or half a second passes.
import Foundation
import XCTest

@testable import Engine
@testable import Trainer

final class ExpectedRunTests: XCTestCase {
    private func snapshot(step: Int, status: TrainingStatus, standardized: Bool = true) -> TrainingSnapshot {
        TrainingSnapshot(step: step, status: status, standardized: standardized)
    }

    func testSpaceShowsRunningUntilTheEngineRunsOrSteps() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        let now = Date()
        _ = state.handle(.key(.character(" ")))
        XCTAssertEqual(state.status, .running, "shown at once")
        state.receive(snapshot(step: state.snapshot.step, status: .paused), now: now)
        XCTAssertEqual(state.status, .running, "the engine has not acted yet: still shown as asked")
        XCTAssertEqual(state.snapshot.status, .paused, "the snapshot itself is the engine's")
        state.receive(snapshot(step: state.snapshot.step + 3, status: .converged), now: now)
        XCTAssertEqual(state.status, .converged, "it stepped since Start, then stopped itself: the engine's word")
    }

    func testARequestTheEngineNeverActsOnIsForgottenAfterHalfASecond() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        _ = state.handle(.key(.character(" ")))
        let step = state.snapshot.step
        state.receive(snapshot(step: step, status: .paused), now: Date().addingTimeInterval(0.4))
        XCTAssertEqual(state.status, .running)
        state.receive(snapshot(step: step, status: .paused), now: Date().addingTimeInterval(0.6))
        XCTAssertEqual(state.status, .paused)
    }

    func testZShowsTheNewScalingUntilTheEngineHasIt() {
        var state = TrainerFixtures.state(width: 80, height: 24)
        XCTAssertTrue(state.standardized)
        XCTAssertEqual(state.handle(.key(.character("z"))), [.setStandardized(false)])
        XCTAssertFalse(state.standardized)
        XCTAssertTrue(state.snapshot.standardized)
        state.receive(snapshot(step: 0, status: .paused, standardized: true), now: Date())
        XCTAssertFalse(state.standardized, "not applied yet")
        XCTAssertEqual(state.handle(.key(.character("z"))), [.setStandardized(true)], "z again asks for the other of the shown one")
        state.receive(snapshot(step: 0, status: .paused, standardized: true), now: Date())
        XCTAssertTrue(state.standardized)
        XCTAssertNil(state.expected.standardized, "the engine shows it: forgotten")
    }
}
