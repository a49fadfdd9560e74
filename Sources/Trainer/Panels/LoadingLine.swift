// The screen while the data loads: "loading FILE… N rows (P%)", centred, then "preparing the session…".
import Engine
import Plot

/// What the loading screen says about a load in progress (a value: tested as text).
struct LoadingLine {
    /// The file as the user named it, or the built-in set's name.
    var name: String
    var bytesRead: Int
    var totalBytes: Int
    var rows: Int
    var stage: LoadProgress.Stage

    init(name: String, progress: LoadProgress) {
        self.name = name
        (bytesRead, totalBytes, rows) = progress.current
        stage = progress.stage
        if stage == .preparing { rows = progress.rows } else if totalBytes == 0 { rows = progress.rowsMade }
    }

    init(name: String, bytesRead: Int, totalBytes: Int, rows: Int, stage: LoadProgress.Stage) {
        (self.name, self.bytesRead, self.totalBytes, self.rows, self.stage) = (name, bytesRead, totalBytes, rows, stage)
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }

    var text: String {
        let name = name.escapedForMessage
        switch stage {
        case .preparing:
            return "loaded \(name): \(Self.grouped(rows)) rows; preparing the session…"
        case .reading:
            guard totalBytes > 0 else { return rows > 0 ? "making \(name)… \(Self.grouped(rows)) rows" : "loading \(name)…" }
            let percent = min(100, bytesRead * 100 / totalBytes)
            return "loading \(name)… \(Self.grouped(rows)) rows (\(percent)%)"
        }
    }

    /// The line in the middle of an otherwise empty screen (q quits).
    func render(width: Int, height: Int) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        let line = text
        let y = max(0, height / 2 - 1)
        buffer.write(line, x: max(0, (width - line.displayWidth) / 2), y: y, role: .text)
        let hint = "q quits"
        buffer.write(hint, x: max(0, (width - hint.displayWidth) / 2), y: y + 2, role: .dim)
        return buffer
    }
}
