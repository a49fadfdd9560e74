// What the user did: a key, a mouse action or a resize, independent of ncurses.

/// A key the UI reacts to.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case tab, backTab, enter, escape
    case pageUp, pageDown
    case function(Int)
    /// Ctrl plus a letter, lower case.
    case control(Character)
}

/// A mouse button or the wheel.
public enum MouseButton: Hashable, Sendable {
    case left, middle, right, wheelUp, wheelDown
}

/// What happened to the mouse at a cell.
public enum MouseAction: Hashable, Sendable {
    case press, release, drag
}

/// One input event.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(button: MouseButton, action: MouseAction, x: Int, y: Int)
    case resize(width: Int, height: Int)
    /// The process received SIGINT, SIGTERM, SIGHUP or SIGQUIT: the app should restore the terminal and exit with 128 + signal.
    case terminationSignal(Int32)
}
