// The state a session shares between the caller's threads and its training thread, behind one lock.
import Foundation

/// Commands waiting to be applied, the latest published snapshot and histories, the applied-command log and
/// the closed-form result. Every access holds `condition` (an NSCondition: it also wakes the training thread).
final class SessionMailbox: @unchecked Sendable {
    let condition = NSCondition()
    var pending: [SessionCommand] = []
    var snapshot: TrainingSnapshot
    var trainHistory = LossHistory()
    var testHistory = LossHistory()
    var rateHistory = LossHistory()
    var log: [AppliedCommand] = []
    /// The training rows in force (as loaded, or as last edited), published with the snapshot that shows them.
    var train: Dataset
    /// Told of each batch of applied commands as it is published (a recorder appending them to its file).
    var logObserver: (@Sendable ([AppliedCommand]) -> Void)?
    /// The models along the way, thinned (for the loss landscape and exports).
    var trajectory = ParameterTrajectory()
    /// A copy of the run, published only while it is not running (for narrating the next step).
    var pausedRun: TrainingRun?
    /// A running session pauses when it reaches this step (for playing a recording back exactly).
    var pauseAtStep: Int?
    /// Commands sent, and commands applied and published: equal when the session is idle.
    var sentCount = 0
    var publishedCount = 0
    var shuttingDown = false
    var finished = false
    /// The closed-form answer, the request it answers and the (l2, loss, l1, standardized) it was computed for.
    var closedForm: (generation: Int, l2: Double, loss: LossScaling, l1: Double, standardized: Bool, result: Result<ClosedFormComparison, ClosedFormFailure>)?
    /// Closed-form requests sent so far (counted as they are queued, under the same lock): an answer is kept
    /// only if it answers the latest (`SessionLoop.startClosedForm`).
    var closedFormGeneration = 0
    /// Closed-form answers that came back, kept or dropped (tests wait on it).
    var closedFormAnswers = 0
    /// How the closed form is solved (tests swap in one that answers late).
    var closedFormSolver: ClosedFormComparisonSolver = { try ClosedFormComparison.solve(
        train: $0, test: $1, fitIntercept: $2, l2: $3, standardized: $4, loss: $5, l1: $6) }

    init(snapshot: TrainingSnapshot, train: Dataset) {
        self.snapshot = snapshot
        self.train = train
    }

    /// Runs `body` holding the lock.
    func locked<T>(_ body: () throws -> T) rethrows -> T {
        condition.lock()
        defer { condition.unlock() }
        return try body()
    }

    func send(_ command: SessionCommand) {
        locked {
            pending.append(command)
            sentCount += 1
            if command == .requestClosedForm { closedFormGeneration += 1 }
            condition.broadcast()
        }
    }
}

/// Solves the closed form for (train, test, fit intercept, l2, standardized).
typealias ClosedFormComparisonSolver = @Sendable (Dataset, Dataset?, Bool, Double, Bool, LossScaling, Double) throws -> ClosedFormComparison

/// Why the closed-form solution could not be computed.
public struct ClosedFormFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
}
