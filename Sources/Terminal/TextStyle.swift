// How one style role looks on a terminal: colours and attributes.
import Plot

/// Foreground, background (nil: the terminal's own) and attributes for a style role.
public struct TextStyle: Hashable, Sendable {
    public var foreground: RGBColor?
    public var background: RGBColor?
    public var attributes: CellAttributes

    public init(foreground: RGBColor? = nil, background: RGBColor? = nil, attributes: CellAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = TextStyle()
}
