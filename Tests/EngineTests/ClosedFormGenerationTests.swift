// Closed-form requests carry a generation: an answer that arrives after a newer request was sent is dropped.
import TestSupport
import Dispatch
import Foundation
import XCTest

@testable import Engine

final class ClosedFormGenerationTests: XCTestCase {
    /// `c` then `z` during the comparison: the z-scores answer is held back until the raw one is on screen, then
    /// let through. Whichever finishes last, the stable rate shown must be the raw one (last writer used to win).
    func testAnAnswerToAnOlderRequestCannotReplaceTheLatest() throws {
        let data = try BuiltinDataset.diabetes.make(.init(), seed: 0)
        let session = TrainingSession(train: data, hyperparameters: .init(method: .gd, learningRate: 0.1))
        defer { session.shutdown() }
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        session.mailbox.locked {
            session.mailbox.closedFormSolver = { train, test, intercept, l2, standardized, loss, l1 in
                if standardized {
                    started.signal()
                    release.wait()
                }
                return try ClosedFormComparison.solve(
                    train: train, test: test, fitIntercept: intercept, l2: l2, standardized: standardized)
            }
        }
        let raw = try ClosedFormComparison.solve(train: data, test: nil, fitIntercept: true, l2: 0, standardized: false)
        let scaled = try ClosedFormComparison.solve(train: data, test: nil, fitIntercept: true, l2: 0, standardized: true)
        XCTAssertGreaterThan(scaled.largestStableLearningRate / raw.largestStableLearningRate, 1000, "the two answers differ")

        session.requestClosedForm()  // c: on z-scores
        started.wait()
        session.setStandardized(false)  // z during the comparison, which asks again
        session.requestClosedForm()
        waitFor("the raw answer") { session.mailbox.locked { session.mailbox.closedFormAnswers } == 1 }
        XCTAssertEqual(session.snapshot().closedForm?.largestStableLearningRate, raw.largestStableLearningRate)

        release.signal()  // the older, z-scores answer arrives last
        waitFor("the late answer") { session.mailbox.locked { session.mailbox.closedFormAnswers } == 2 }
        let shown = session.snapshot()
        XCTAssertFalse(shown.standardized)
        XCTAssertEqual(shown.closedForm?.largestStableLearningRate, raw.largestStableLearningRate, "stable lr < of raw data")
    }

    /// Between a request and its answer no earlier answer is shown: it would be for another question.
    func testNoAnswerIsShownWhileANewerRequestIsOut() throws {
        let data = try BuiltinDataset.diabetes.make(.init(), seed: 0)
        let session = TrainingSession(train: data, hyperparameters: .init(method: .gd, learningRate: 0.1))
        defer { session.shutdown() }
        session.requestClosedForm()
        waitFor("the first answer") { session.snapshot().closedForm != nil }
        let release = DispatchSemaphore(value: 0)
        session.mailbox.locked {
            session.mailbox.closedFormSolver = { train, test, intercept, l2, standardized, loss, l1 in
                release.wait()
                return try ClosedFormComparison.solve(
                    train: train, test: test, fitIntercept: intercept, l2: l2, standardized: standardized)
            }
        }
        session.setStandardized(false)
        session.waitUntilIdle()
        XCTAssertNil(session.snapshot().closedForm, "the z-scores answer is not shown for raw data")
        session.setStandardized(true)
        session.requestClosedForm()
        session.waitUntilIdle()
        XCTAssertNil(session.snapshot().closedForm, "nor while a newer request is out")
        release.signal()
        waitFor("the second answer") { session.snapshot().closedForm != nil }
    }
}
