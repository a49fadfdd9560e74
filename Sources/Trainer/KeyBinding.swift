// The keyboard map as data: what the help overlay lists and what the README documents.

/// One line of the help: the keys and what they do.
struct KeyBinding: Equatable {
    var keys: String
    var action: String

    /// Every key the trainer reacts to, in the order the help shows them.
    static let all: [KeyBinding] = [
        KeyBinding(keys: "Space", action: "run / pause"),
        KeyBinding(keys: "s", action: "one step"),
        KeyBinding(keys: "r", action: "reset to step 0"),
        KeyBinding(keys: "c", action: "closed-form comparison on / off"),
        KeyBinding(keys: "m", action: "next method (GD, SGD, mini-batch)"),
        KeyBinding(keys: "u", action: "next update rule"),
        KeyBinding(keys: "+ -", action: "learning rate up / down"),
        KeyBinding(keys: "] [", action: "batch size up / down"),
        KeyBinding(keys: "> <", action: "speed up / down"),
        KeyBinding(keys: "l", action: "log / linear loss axis"),
        KeyBinding(keys: "t", action: "next theme"),
        KeyBinding(keys: "Tab S-Tab", action: "focus next / previous control"),
        KeyBinding(keys: "arrows", action: "adjust the focused control"),
        KeyBinding(keys: "Enter", action: "press the focused button"),
        KeyBinding(keys: "?", action: "this help"),
        KeyBinding(keys: "Esc", action: "close the help or any overlay"),
        KeyBinding(keys: "q", action: "quit"),
    ]
}
