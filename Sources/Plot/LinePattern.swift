// Dash patterns for chart lines, so series read apart on a screen without colour.

/// How a line is broken into dashes, counted in dot columns from the left of the plot (two per cell in
/// braille, one in half-block and ASCII modes).
public enum LinePattern: Sendable, Hashable, CaseIterable {
    case solid
    /// Four dot columns on, four off.
    case dashed
    /// One dot column on, three off.
    case dotted
    /// Six on, two off, one on, three off.
    case dashDot
    /// Eight on, four off.
    case longDash
    /// Four on, two off, one on, two off, one on, two off.
    case dashDotDot

    /// The pattern as alternating on and off runs in dot columns, starting with "on" (empty: solid). Vector
    /// figures dash with it; `draws(column:)` is the same pattern unrolled for the dot canvas.
    public var dashes: [Int] {
        switch self {
        case .solid: []
        case .dashed: [4, 4]
        case .dotted: [1, 3]
        case .dashDot: [6, 2, 1, 3]
        case .longDash: [8, 4]
        case .dashDotDot: [4, 2, 1, 2, 1, 2]
        }
    }

    /// Whether the line is drawn in dot column `column`.
    @inline(__always)
    public func draws(column: Int) -> Bool {
        switch self {
        case .solid: return true
        case .dashed: return (column / 4) % 2 == 0
        case .dotted: return column % 4 == 0
        case .dashDot:
            let k = column % 12
            return k < 6 || k == 8
        case .longDash: return column % 12 < 8
        case .dashDotDot:
            let k = column % 12
            return k < 4 || k == 6 || k == 9
        }
    }
}
