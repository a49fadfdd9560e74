// Stops a live run when the loss has settled, with fit's tolerance, and lets the user run on past it.

/// Watches the training loss from frame to frame. When the relative change per step falls below the
/// tolerance (fit's test: |Δloss| / loss < tol), the run has converged. After the user runs on anyway, the
/// watch waits until the loss moves again (a change per step above the tolerance) before it can stop the
/// run a second time, so Space after convergence really continues.
///
/// The engine's own test cannot be used in the UI: a session stopped by it re-stops on every resume.
public struct ConvergenceWatch: Equatable, Sendable {
    /// 0 turns the watch off.
    public var tolerance: Double
    private var last: (step: Int, loss: Double)?
    private var waived = false
    /// Observations in a row below the tolerance. Two are needed: a snapshot may still carry the loss of the
    /// step before (full-batch GD evaluates it on the next step), so one unchanged reading proves nothing.
    private var settled = 0

    public static func == (a: ConvergenceWatch, b: ConvergenceWatch) -> Bool {
        a.tolerance == b.tolerance && a.waived == b.waived && a.settled == b.settled && a.last?.step == b.last?.step
            && a.last?.loss == b.last?.loss
    }

    public init(tolerance: Double) { self.tolerance = tolerance }

    /// Whether the run converged between the previous observation and this one. `everyStep` says the loss is
    /// evaluated at every step (full batch, or data small enough); otherwise an unchanged loss is no evidence.
    public mutating func observe(step: Int, loss: Double, everyStep: Bool) -> Bool {
        guard tolerance > 0, loss.isFinite else { return false }
        defer { last = (step, loss) }
        guard let last, step > last.step else { return false }
        if !everyStep && loss == last.loss { return false }
        let change = abs(last.loss - loss) / max(abs(last.loss), Double.leastNormalMagnitude) / Double(step - last.step)
        if waived {
            if change >= tolerance { waived = false }
            return false
        }
        settled = change < tolerance ? settled + 1 : 0
        return settled >= 2
    }

    /// The user ran on past convergence (Space, or a new hyperparameter): do not stop again until the loss moves.
    public mutating func waive() {
        waived = true
        settled = 0
    }

    /// Forget the history (after a reset, the steps start again).
    public mutating func restart() {
        last = nil
        waived = false
        settled = 0
    }
}
