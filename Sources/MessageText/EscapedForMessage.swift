// The one escaping of user input quoted in a message: control and non-printable characters become visible escapes.

extension StringProtocol {
    /// The text with every character that could act on a terminal or break a one-line message written as a
    /// visible escape: C0 controls and DEL as `\xHH` (with `\t`, `\n`, `\r` for the usual three), C1 controls
    /// (U+0080…U+009F, which terminals may read as ESC sequences) and the Unicode line and paragraph separators,
    /// bidirectional overrides and other format characters (but the zero-width joiners), private-use and
    /// unassigned code points as `\u{hhhh}`. A backslash is kept as it is, so escaping twice changes
    /// nothing (an error's description escapes what it quotes, and the line that prints it escapes again as a
    /// safety net). Everything printable (any script, emoji) is kept.
    ///
    /// Use it for every piece of input a message quotes: CSV cells and headers, preset, theme and recording
    /// file text, option values.
    public var escapedForMessage: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x09: result += "\\t"
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x00..<0x20, 0x7F: result += "\\x" + hex(scalar.value, digits: 2)
            case 0x80..<0xA0, 0x2028, 0x2029: result += "\\u{" + hex(scalar.value, digits: 4) + "}"
            case 0x200C, 0x200D: result.unicodeScalars.append(scalar)  // joiners: part of emoji and many scripts
            default:
                if scalar.properties.generalCategory == .format || scalar.properties.generalCategory == .unassigned
                    || scalar.properties.generalCategory == .privateUse || scalar.properties.generalCategory == .surrogate
                {
                    result += "\\u{" + hex(scalar.value, digits: 4) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}

/// `value` in lower-case hexadecimal (`\x1b`, as the issue and most tools write it), at least `digits` long.
private func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: false)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
}
