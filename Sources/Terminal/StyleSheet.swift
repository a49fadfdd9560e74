// The mapping from semantic style roles to terminal styles that a backend draws with.
import Plot

/// Looks up the style for a role; `loss.train` falls back to `loss`, then to the base `text` style.
public struct StyleSheet: Hashable, Sendable {
    public var base: TextStyle
    public var styles: [StyleRole: TextStyle]
    /// When false the backend draws without colour (NO_COLOR or a monochrome theme), attributes only.
    public var usesColor: Bool

    public init(base: TextStyle = .plain, styles: [StyleRole: TextStyle] = [:], usesColor: Bool = true) {
        self.base = base
        self.styles = styles
        self.usesColor = usesColor
    }

    /// The style for `role`: its own entry, else its nearest dotted parent's, else the base; the base
    /// background shows through where the role sets none.
    public func style(for role: StyleRole) -> TextStyle {
        var name = role.name
        while true {
            if let found = styles[StyleRole(name)] {
                var style = found
                if style.background == nil { style.background = base.background }
                if style.foreground == nil { style.foreground = base.foreground }
                return style
            }
            guard let dot = name.lastIndex(of: ".") else { return base }
            name = String(name[..<dot])
        }
    }
}
