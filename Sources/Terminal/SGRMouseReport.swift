// SGR (1006) mouse reports, `ESC [ < b ; x ; y M|m`: any column (X10's reports stop at 223), release told apart.

/// Decodes the part of an SGR mouse report after its `ESC`. X10 reports (ncurses' KEY_MOUSE) remain the
/// fallback for terminals that ignore the request for SGR reporting.
public enum SGRMouseReport {
    /// The outcome of reading the characters after an `ESC`.
    public enum Parse: Equatable, Sendable {
        /// A whole report: the event (nil for buttons the UI does not use) and the characters it took.
        case report(InputEvent?, consumed: Int)
        /// A prefix of a report: more characters are needed.
        case incomplete
        /// Not an SGR report: the characters are something else (the `ESC` is a key of its own).
        case notAReport
    }

    /// Reads `text` (the characters after `ESC`): `[<0;250;10M` is a left press at column 249, row 9 (0-based).
    public static func parse(_ text: [Character]) -> Parse {
        let prefix: [Character] = ["[", "<"]
        for (index, expected) in prefix.enumerated() {
            guard index < text.count else { return .incomplete }
            if text[index] != expected { return .notAReport }
        }
        var fields: [Int] = [0]
        var digits = 0
        var index = prefix.count
        while index < text.count {
            let character = text[index]
            index += 1
            if let digit = character.wholeNumberValue, character.isASCII {
                guard digits < 6 else { return .notAReport }
                fields[fields.count - 1] = fields[fields.count - 1] * 10 + digit
                digits += 1
            } else if character == ";" {
                guard digits > 0, fields.count < 3 else { return .notAReport }
                fields.append(0)
                digits = 0
            } else if character == "M" || character == "m" {
                guard digits > 0, fields.count == 3 else { return .notAReport }
                return .report(event(code: fields[0], x: fields[1] - 1, y: fields[2] - 1, released: character == "m"), consumed: index)
            } else {
                return .notAReport
            }
        }
        return .incomplete
    }

    /// The event for button code `code` (low bits: button; 32: motion; 64: wheel; 4, 8, 16: modifiers).
    static func event(code: Int, x: Int, y: Int, released: Bool) -> InputEvent? {
        guard x >= 0, y >= 0 else { return nil }
        let button = code & 3, motion = code & 32 != 0, wheel = code & 64 != 0
        if wheel { return button == 0 ? .mouse(button: .wheelUp, action: .press, x: x, y: y) : button == 1 ? .mouse(button: .wheelDown, action: .press, x: x, y: y) : nil }
        // 0 left, 1 middle, 2 right (the Fit view's remove); 3 is motion with no button held.
        let pressed: MouseButton
        switch button {
        case 0: pressed = .left
        case 1: pressed = .middle
        case 2: pressed = .right
        default: return nil
        }
        if released { return .mouse(button: pressed, action: .release, x: x, y: y) }
        return .mouse(button: pressed, action: motion ? .drag : .press, x: x, y: y)
    }
}
