// How many terminal columns text takes: East Asian wide characters and emoji two, zero-width ones none.
//
// A small table, not a package: none of the Swift packages this project may use measures display width, and
// libc's wcwidth follows the locale and the C library's Unicode tables, so a frame would differ between
// machines. Wide means Unicode's East Asian Width W or F (the CJK, Hangul, kana and fullwidth blocks below)
// or emoji presentation (the scalar property, or a sequence with U+FE0F or a zero-width joiner); zero-width
// means a lone combining mark or format character (marks after a base are part of its `Character`).

extension Character {
    /// Terminal columns: 0, 1 or 2.
    public var displayWidth: Int {
        let scalars = unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count > 1 {
            if scalars.contains("\u{FE0F}") { return 2 }  // emoji presentation asked for
            if scalars.contains("\u{200D}"), first.properties.isEmoji { return 2 }  // a joined emoji sequence
            if (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }  // a flag: two regional indicators
        }
        return first.displayWidth
    }
}

extension Unicode.Scalar {
    /// Terminal columns of this scalar on its own: 0, 1 or 2.
    public var displayWidth: Int {
        let v = value
        if v < 0x7F { return v < 0x20 ? 0 : 1 }
        if v == 0xAD { return 1 }  // the soft hyphen shows
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) { return 0 }  // Hangul medial vowels and final consonants join the syllable
        if properties.isEmojiPresentation { return 2 }
        return Self.wideRanges.contains { $0.contains(v) } ? 2 : 1
    }

    /// East Asian Width W and F outside emoji (Unicode 15.1, merged into blocks).
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul initial consonants
        0x2329...0x232A,  // angle brackets
        0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041...0x33FF,  // kana, bopomofo, Hangul compatibility jamo, kanbun, CJK strokes, enclosed and compatibility
        0x3400...0x4DBF,  // CJK extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul jamo extended A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // fullwidth forms
        0xFFE0...0xFFE6,  // fullwidth signs
        0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,  // Tangut, Khitan, kana supplements, Nüshu
        0x20000...0x2FFFD, 0x30000...0x3FFFD,  // CJK extensions B and beyond
    ]
}

extension StringProtocol {
    /// Terminal columns of the whole text.
    public var displayWidth: Int { reduce(0) { $0 + $1.displayWidth } }

    /// The longest start of the text that fits in `width` columns.
    public func prefix(columns width: Int) -> String {
        var used = 0
        var end = startIndex
        for index in indices {
            let w = self[index].displayWidth
            if used + w > width { break }
            used += w
            end = self.index(after: index)
        }
        return String(self[startIndex..<end])
    }
}
