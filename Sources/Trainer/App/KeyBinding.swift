// The keyboard map as data: what the help overlay lists and what the README documents.

/// One line of the help: the keys and what they do.
struct KeyBinding: Equatable {
    var keys: String
    var action: String

    /// Every key the trainer reacts to, in the order the help shows them. Actions stay short: at 80×24 the
    /// help shows them in two columns of 37 (keys up to 6 cells, actions up to 30).
    static let all: [KeyBinding] = [
        KeyBinding(keys: "Space", action: "run / pause; runs on if done"),
        KeyBinding(keys: "s", action: "one step"),
        KeyBinding(keys: "r", action: "reset to step 0"),
        KeyBinding(keys: "c", action: "closed form on / off"),
        KeyBinding(keys: "m", action: "method: GD, SGD, mini-batch"),
        KeyBinding(keys: "u", action: "next update rule"),
        KeyBinding(keys: "+ -", action: "learning rate up / down"),
        KeyBinding(keys: "k", action: "next lr schedule"),
        KeyBinding(keys: "K", action: "rate overlay on the loss chart"),
        KeyBinding(keys: "] [", action: "batch size up / down"),
        KeyBinding(keys: "> <", action: "speed up / down"),
        KeyBinding(keys: "z", action: "standardize: z-scores / raw"),
        KeyBinding(keys: "l", action: "log / linear loss axis"),
        KeyBinding(keys: "x", action: "loss x axis: steps / epochs"),
        KeyBinding(keys: "w", action: "smoothing: off, 0.5 … 0.99"),
        KeyBinding(keys: "g", action: "pin loss curve as a ghost"),
        KeyBinding(keys: "G", action: "clear the ghosts"),
        KeyBinding(keys: "v", action: "loss landscape / panels"),
        KeyBinding(keys: "( )", action: "landscape: next x / y axis"),
        KeyBinding(keys: "n", action: "narrate next step; n: take it"),
        KeyBinding(keys: "e", action: "export run to CSV and JSON"),
        KeyBinding(keys: "t", action: "next theme"),
        KeyBinding(keys: "Tab", action: "focus next (S-Tab: previous)"),
        KeyBinding(keys: "arrows", action: "adjust the focused control"),
        KeyBinding(keys: "Enter", action: "press the focused button"),
        KeyBinding(keys: "?", action: "this help"),
        KeyBinding(keys: "Esc", action: "close help, narration, view"),
        KeyBinding(keys: "q", action: "quit"),
    ]
}
