// The session's path through parameter space, for the loss landscape and exports.

extension TrainingSession {
    /// The thinned models so far (data units), oldest first; cleared by a reset.
    public func parameterTrajectory() -> ParameterTrajectory {
        mailbox.locked { mailbox.trajectory }
    }

    /// The path projected on parameters (i, j) in the units GD runs on now (z-scores when standardized),
    /// at most `maxPoints` points, the latest last. Index d (the feature count) is the intercept.
    public func trajectory(parameters axes: (Int, Int), maxPoints: Int, landscape: LossLandscape) -> [(x: Double, y: Double)] {
        let points = parameterTrajectory().decimated(maxPoints: maxPoints)
        return points.map { landscape.coordinates(of: $0, axes: axes) }
    }
}

extension LossLandscape {
    /// The landscape of a session as it trains now: its standardization, L2 penalty and loss scaling.
    /// Rebuild it when one changes (`standardized`, `l2` and `loss` say which it was built for).
    public init?(session: TrainingSession) {
        let snapshot = session.snapshot()
        self.init(
            train: session.train, fitIntercept: session.fitIntercept, standardized: snapshot.standardized,
            l2: snapshot.hyperparameters.l2, loss: snapshot.hyperparameters.loss, l1: snapshot.hyperparameters.l1)
    }
}
