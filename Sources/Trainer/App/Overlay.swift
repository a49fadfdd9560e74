// What covers the panels: nothing, or a window such as the help. Escape closes any of them.

/// A window drawn over the panels that takes the keys until it is closed.
public enum Overlay: Equatable, Sendable {
    case none
    case help
    /// The narrated step (`n`): the next update with its real numbers.
    case narration
}
