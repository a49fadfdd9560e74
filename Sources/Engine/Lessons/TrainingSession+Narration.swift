// Narrated steps on a live session: pause, explain the next update, then take exactly that update.

extension TrainingSession {
    /// Pauses, waits for the training thread to settle, and narrates the step the session would take next
    /// (without taking it). nil only if another caller set the session running again in the meantime.
    public func narrateNextStep(rowLimit: Int = 5) -> StepNarration? {
        pause()
        waitUntilIdle()
        return mailbox.locked { mailbox.pausedRun }?.narrateNextStep(rowLimit: rowLimit)
    }

    /// Takes the step the last `narrateNextStep()` described (a single step is deterministic: the same state
    /// gives the same update), then narrates the one after it.
    public func stepNarrated(rowLimit: Int = 5) -> StepNarration? {
        step()
        waitUntilIdle()
        return narrateNextStep(rowLimit: rowLimit)
    }
}
