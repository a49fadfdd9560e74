// ASCII stand-ins for the box-drawing, block, braille and symbol glyphs Descent draws, for terminals without Unicode.

extension Character {
    /// This character if it is ASCII, else the closest ASCII look-alike (box corners become `+`, braille a
    /// density mark, Greek letters their Latin names' first letter, anything unknown `?`).
    public var asciiStandIn: Character {
        if isASCII { return self }
        if let mapped = Character.asciiStandIns[self] { return mapped }
        guard let scalar = unicodeScalars.first else { return "?" }
        switch scalar.value {
        case 0x2800...0x28FF:  // braille: by how many of the 8 dots are set
            let dots = (scalar.value - 0x2800).nonzeroBitCount
            return dots == 0 ? " " : dots <= 2 ? "." : dots <= 5 ? ":" : "#"
        case 0x2500...0x257F:  // box drawing not listed below: a corner or junction
            return "+"
        default:
            return "?"
        }
    }

    private static let asciiStandIns: [Character: Character] = [
        "─": "-", "━": "=", "│": "|", "┃": "|", "╌": "-", "┅": "-", "┄": "-", "╍": "-",
        "╭": "+", "╮": "+", "╰": "+", "╯": "+", "┌": "+", "┐": "+", "└": "+", "┘": "+",
        "┤": "+", "├": "+", "┬": "+", "┴": "+", "┼": "+",
        "▀": "\"", "▄": ",", "█": "#", "▌": "[", "▐": "]", "░": ".", "▒": ":", "▓": "%",
        "●": "O", "•": "o", "·": ".", "∘": "o", "◆": "*", "◇": "*", "×": "x", "✕": "x",
        "‹": "<", "›": ">", "←": "<", "→": ">", "↑": "^", "↓": "v", "…": "~",
        "‖": "|", "²": "2", "³": "3", "⁻": "-", "¹": "1", "∞": "~", "≤": "<", "≥": ">", "≈": "~", "−": "-",
        "—": "-", "–": "-", "λ": "L", "η": "n", "α": "a", "β": "b", "κ": "k", "σ": "s", "Σ": "S", "∇": "V",
        "ŷ": "y", "ȳ": "y", "⊤": "T", "ᵀ": "T", "⁺": "+", "✓": "v",
    ]
}

extension Buffer {
    /// Replaces every non-ASCII character with its ASCII stand-in, keeping roles and attributes.
    public mutating func transliterateToASCII() {
        for y in area.y..<area.bottom {
            for x in area.x..<area.right where !self[x, y].character.isASCII {
                self[x, y].character = self[x, y].character.asciiStandIn
            }
        }
    }
}
