// One terminal cell: a character and how to draw it.

/// Text attributes a terminal can show without colour, so monochrome screens stay readable.
public struct CellAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = CellAttributes(rawValue: 1 << 0)
    public static let reverse = CellAttributes(rawValue: 1 << 1)
    public static let underline = CellAttributes(rawValue: 1 << 2)
    public static let dim = CellAttributes(rawValue: 1 << 3)
    /// The right half of the wide character in the cell to the left: a backend draws nothing here.
    public static let continuation = CellAttributes(rawValue: 1 << 4)
}

/// A character with its semantic role and attributes. A wide character (two columns) sits in its left cell and
/// marks the right one `.continuation` (see `Buffer.write`).
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var role: StyleRole
    public var attributes: CellAttributes

    public init(_ character: Character = " ", role: StyleRole = .text, attributes: CellAttributes = []) {
        self.character = character
        self.role = role
        self.attributes = attributes
    }

    public static let blank = Cell()

    /// Whether this cell is the right half of a wide character.
    public var isContinuation: Bool { attributes.contains(.continuation) }
}
