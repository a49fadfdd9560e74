// The shape of a keymap: help lines, each with the keys that do it and in which window they are read.
import Terminal

/// Where a key is read: on the main screen, or while a window over it takes the keys. In the point cursor's mode
/// and in hand fitting a key bound there wins; any other key does what it does on the main screen.
public enum KeyContext: Hashable, Sendable {
    case main, help, narration, pointCursor, handFit
}

/// Keys that do one action, in the contexts where they do it.
struct KeyBinding<Action: Equatable & Sendable>: Sendable {
    var keys: [Key]
    var action: Action
    var contexts: Set<KeyContext>

    init(_ keys: [Key], _ action: Action, in contexts: Set<KeyContext> = [.main]) {
        self.keys = keys
        self.action = action
        self.contexts = contexts
    }
}

/// One line of the help (and of the README's key table): how the keys are written, what they do, and the bindings.
/// Every key a binding names must be named in `keys` or `help` (a test checks), so no key works unannounced.
struct KeyCommand<Action: Equatable & Sendable>: Sendable {
    /// The keys as the help writes them (up to 6 cells, so the help fits two columns at 80×24).
    var keys: String
    /// What they do (up to 30 cells).
    var help: String
    var bindings: [KeyBinding<Action>]

    init(_ keys: String, _ help: String, _ bindings: [KeyBinding<Action>]) {
        self.keys = keys
        self.help = help
        self.bindings = bindings
    }
}

/// A view's keys as data: dispatch, the help overlay and the README table all read this.
struct Keymap<Action: Equatable & Sendable>: Sendable {
    /// In the order the help lists them.
    var commands: [KeyCommand<Action>]

    /// The action of `key` in `context`, if any.
    func action(for key: Key, in context: KeyContext) -> Action? {
        for command in commands {
            for binding in command.bindings where binding.contexts.contains(context) && binding.keys.contains(key) {
                return binding.action
            }
        }
        return nil
    }

    /// Whether some key does `action` in some context.
    func hasKey(for action: Action) -> Bool {
        commands.contains { $0.bindings.contains { $0.action == action } }
    }
}
