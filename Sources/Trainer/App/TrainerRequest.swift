// What a key asks of the frame loop beyond a session command: work that needs the session itself.

/// An action `TrainerState` cannot do alone (it holds no session); `TrainerApp` carries it out after the event.
public enum TrainerRequest: Equatable, Sendable {
    /// Pin the current training-loss curve as a ghost.
    case pinGhost
    /// Write the run to the current directory (CSV and JSON).
    case export
    /// Pause and narrate the next step.
    case narrate
    /// Take the narrated step, then narrate the one after.
    case narrateStep
    /// Play the recording at this speed from now on (1: the recorded pace; nil: as fast as possible).
    case replaySpeed(Double?)
}
