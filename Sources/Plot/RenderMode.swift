// How finely a chart draws: braille dots, half-blocks, or plain ASCII, with detection from the locale.

/// The glyph set a canvas draws with; finer modes need a UTF-8 terminal and a font with the glyphs.
public enum RenderMode: Sendable, Hashable, CaseIterable {
    /// 2×4 dots per cell (U+2800 braille patterns).
    case braille
    /// 1×2 dots per cell (▀ ▄ █).
    case halfBlock
    /// 1×1 dot per cell: one marker character, for terminals without Unicode.
    case ascii

    /// Dots per cell horizontally and vertically.
    public var dotsPerCell: (x: Int, y: Int) {
        switch self {
        case .braille: (2, 4)
        case .halfBlock: (1, 2)
        case .ascii: (1, 1)
        }
    }

    /// The next coarser mode, nil for ASCII.
    public var fallback: RenderMode? {
        switch self {
        case .braille: .halfBlock
        case .halfBlock: .ascii
        case .ascii: nil
        }
    }

    /// Whether box-drawing and other non-ASCII characters may be used.
    public var usesUnicode: Bool { self != .ascii }

    /// Braille for UTF-8 locales, ASCII otherwise. The effective locale is the first non-empty
    /// of LC_ALL, LC_CTYPE and LANG, as POSIX resolves it.
    public static func detect(environment: [String: String]) -> RenderMode {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy
            .compactMap { environment[$0] }
            .first { !$0.isEmpty } ?? ""
        let lower = locale.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8") ? .braille : .ascii
    }
}
