// The race view's keys and border words: the one place to add a race key.
import Terminal

/// What a key or a border word of the race view does; `RaceState.perform(_:)` does it.
enum RaceAction: Equatable, Sendable {
    case run, step, reset, logAxis
    /// ↑ ↓: the contestant whose rate + and - change; + -: its learning rate up / down a 1-2-5 notch.
    case previousContestant, nextContestant, rateUp, rateDown
    /// Opens the help, or closes it when it is open.
    case help
    case close, quit
}

/// The race view's keymap (the same shape as `TrainerKeymap`; contexts `.main` and `.help`).
enum RaceKeymap {
    static let keys = Keymap<RaceAction>(commands: [
        KeyCommand("Space", "run / pause every contestant", [KeyBinding([.character(" ")], .run)]),
        KeyCommand("s", "one step each", [KeyBinding([.character("s")], .step)]),
        KeyCommand("r", "reset all to the same start", [KeyBinding([.character("r")], .reset)]),
        KeyCommand("l", "log / linear loss axis", [KeyBinding([.character("l")], .logAxis)]),
        KeyCommand("arrows", "choose a contestant (up down)", [
            KeyBinding([.up], .previousContestant),
            KeyBinding([.down], .nextContestant),
        ]),
        KeyCommand("+ -", "its learning rate (= _)", [
            KeyBinding([.character("+"), .character("=")], .rateUp),
            KeyBinding([.character("-"), .character("_")], .rateDown),
        ]),
        KeyCommand("? F1", "this help", [KeyBinding([.character("?"), .function(1)], .help, in: [.main, .help])]),
        KeyCommand("Esc", "close the help", [KeyBinding([.escape], .close, in: [.help])]),
        KeyCommand("q", "quit (Ctrl-C too)", [KeyBinding([.character("q"), .control("c")], .quit, in: [.main, .help])]),
    ])

    /// The words in the loss chart's bottom border, left to right.
    static func words(for state: RaceState) -> [(RaceAction, String)] {
        [
            (.run, state.isRunning ? "pause" : "run"), (.step, "step"), (.reset, "reset"),
            (.logAxis, state.logLossAxis ? "log" : "lin"), (.help, "help"),
        ]
    }
}
