// Every line Descent writes on stderr about input: "descent: …" or "note: …", with control characters escaped.
import ArgumentParser
import Engine
import Foundation

/// Writes one message line on stderr. Messages quote file names, CSV cells, preset, theme and recording text and
/// option values; `escapedForMessage` (MessageText) writes their control characters out (`\x1b`), so a line stays one line and input
/// can never retitle, recolour or move the user's terminal.
enum MessageLine {
    static func error(_ message: String) { write("descent: " + message) }
    static func note(_ message: String) { write("note: " + message) }

    /// `text` escaped, then a newline.
    static func write(_ text: String) {
        FileHandle.standardError.write(Data((text.escapedForMessage + "\n").utf8))
    }
}

extension ParsableCommand {
    /// The one way a command gives up: one line on stderr (`descent: …`, escaped) and exit status 1.
    func fail(_ message: String) -> Never {
        MessageLine.error(message)
        Foundation.exit(1)
    }
}
