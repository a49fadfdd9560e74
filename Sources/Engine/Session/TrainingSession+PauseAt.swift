// Pausing a running session at an exact step, so a recording can be played back live.

extension TrainingSession {
    /// While running, pause on reaching `step` (nil: no such stop). Stays in force until changed; set it
    /// before `start()` so the first burst already respects it.
    public func pause(atStep step: Int?) {
        mailbox.locked { mailbox.pauseAtStep = step }
    }
}
