// Input quoted in a message, with control and invisible characters written out so they cannot act on the terminal.

/// Text from a file or an option, made safe to print: every control character (C0, DEL, C1) and every invisible
/// format character (bidi overrides, zero-width marks) becomes an escape such as `\x1b` or `\u{202e}`, so a
/// message stays one line and cannot retitle, recolour or reorder the terminal. Backslashes are left as they are, so
/// escaping twice changes nothing (an error's description and the line that prints it may both escape).
public enum EscapedText {
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: result += "\\t"
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x00..<0x20, 0x7F..<0xA0:
                result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default:
                if scalar.properties.generalCategory == .format || scalar.properties.generalCategory == .lineSeparator
                    || scalar.properties.generalCategory == .paragraphSeparator
                {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// `escaped(text)` between single quotes.
    public static func quoted(_ text: String) -> String { "'" + escaped(text) + "'" }
}
