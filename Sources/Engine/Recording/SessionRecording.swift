// A recorded session as JSON lines: the setup, every applied command with its step, the final model.
import Foundation

/// The content of a recording file. Line 1 is `{"recording":1,"setup":{…}}` (seed and data specification,
/// hyperparameters, stop criteria); then one `{"command":{…},"step":S,"time":T}` per applied command, in order (T: seconds from the session's start,
/// to the millisecond, read only by a replay's pace; recordings without it replay with no waits); the
/// last line is `{"final":{"step":N,"coefficients":[…],"intercept":b}}`.
public struct SessionRecording: Sendable, Equatable {
    /// Where a session ended (data units).
    public struct Final: Sendable, Equatable, Codable {
        public var step: Int
        public var coefficients: [Double]
        public var intercept: Double?

        public init(step: Int, coefficients: [Double], intercept: Double?) {
            self.step = step
            self.coefficients = coefficients
            self.intercept = intercept
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(step, forKey: .step)
            try container.encode(coefficients, forKey: .coefficients)
            try container.encode(intercept, forKey: .intercept)  // null rather than absent without an intercept
        }
    }

    public var setup: SessionSetup
    public var commands: [AppliedCommand]
    /// nil when the file ended before its final line (the session did not quit cleanly).
    public var final: Final?
    /// The file it was read from and the line of each command there (for messages).
    public var file = "recording"
    public var commandLines: [Int] = []
    /// What was forgiven while reading (a last line cut short), one line each, for the caller to show.
    public var notices: [String] = []

    public init(setup: SessionSetup, commands: [AppliedCommand], final: Final?) {
        self.setup = setup
        self.commands = commands
        self.final = final
    }

    static let version = 1

    private struct Header: Codable {
        var recording: Int
        var setup: SessionSetup
    }

    private struct FinalLine: Codable {
        var final: Final
    }

    /// One JSON object per line, as Descent writes all JSON (`JSONCoding`).
    static func encoder() -> JSONEncoder { JSONCoding.encoder() }

    static func decoder() -> JSONDecoder { JSONCoding.decoder() }

    /// A line's keys, and its "recording" format as written, read before the line is decoded as what it is.
    private struct LineKeys: Decodable {
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        var keys: Set<String>
        /// The header's format: a whole number as digits, a string as it is, anything else described.
        var format: String?
        /// The format when it is a whole number (only a number is a format).
        var formatNumber: Int?

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            keys = Set(container.allKeys.map(\.stringValue))
            let key = Key(stringValue: "recording")
            guard container.contains(key) else { return }
            if let number = try? container.decode(Int.self, forKey: key) {
                formatNumber = number
                format = "\(number)"
            } else if let text = try? container.decode(String.self, forKey: key) {
                format = text
            } else if let number = try? container.decode(Double.self, forKey: key) {
                format = "\(number)"
            } else {
                format = "a value of another kind"
            }
        }
    }

    /// The header line (with its newline) for a recording of `setup`.
    static func headerLine(setup: SessionSetup) throws -> Data {
        var line = try encoder().encode(Header(recording: version, setup: setup))
        line.append(0x0A)
        return line
    }

    /// One command line, with its newline.
    static func commandLine(_ command: AppliedCommand) throws -> Data {
        var line = try encoder().encode(command)
        line.append(0x0A)
        return line
    }

    /// The final line, with its newline.
    static func finalLine(_ final: Final) throws -> Data {
        var line = try encoder().encode(FinalLine(final: final))
        line.append(0x0A)
        return line
    }

    /// The file's text: one JSON object per line, ending with a newline.
    public func jsonLines() throws -> Data {
        let encoder = SessionRecording.encoder()
        var lines = [try encoder.encode(Header(recording: SessionRecording.version, setup: setup))]
        for command in commands { lines.append(try encoder.encode(command)) }
        if let final { lines.append(try encoder.encode(FinalLine(final: final))) }
        var data = Data()
        for line in lines {
            data.append(line)
            data.append(0x0A)
        }
        return data
    }

    /// Writes the recording atomically (temporary file, then rename).
    public func write(to path: String) throws {
        let data: Data
        do { data = try jsonLines() } catch {
            throw AtomicWrite.Failure(description: "\(path): cannot encode the recording (\(error))")
        }
        try AtomicWrite.files([(path, data)])
    }

    /// Reads a recording; a problem is a `RecordingError` naming file:line.
    public static func load(path: String) throws -> SessionRecording {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw RecordingError(file: path, line: nil, reason: FileManager.default.fileExists(atPath: path)
                ? "cannot read the file" : "no such file")
        }
        return try parse(data, file: path)
    }

    /// Parses recording text; `file` names it in errors.
    public static func parse(_ data: Data, file: String) throws -> SessionRecording {
        let decoder = decoder()
        var setup: SessionSetup?
        var commands: [AppliedCommand] = [], lines: [Int] = []
        var final: Final?
        var notices: [String] = []
        let rawLines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        // A file that does not end with a newline was cut short (a crash or SIGKILL while a line was written).
        let cutShort = data.last != 0x0A
        for (offset, raw) in rawLines.enumerated() {
            let number = offset + 1
            let text = String(decoding: raw, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            func fail(_ reason: String) -> RecordingError { RecordingError(file: file, line: number, reason: reason) }
            guard let probe = try? decoder.decode(LineKeys.self, from: Data(text.utf8)) else {
                if cutShort, offset == rawLines.count - 1, setup != nil, final == nil {
                    notices.append("\(file):\(number): the last line is cut short (the recording stopped mid-write); replaying up to line \(number - 1)")
                    break
                }
                throw fail("not a JSON object")
            }
            if final != nil { throw fail("a line after the final line") }
            do {
                if setup == nil {
                    guard let format = probe.format else { throw fail("expected the header line {\"recording\":1,\"setup\":…}") }
                    guard probe.formatNumber == version else {
                        throw fail("'recording': format '\(format)' is not supported (expected \(version))")
                    }
                    let header = try decoder.decode(Header.self, from: Data(text.utf8))
                    // The same rules as the options typed on the command line.
                    if let problem = header.setup.problem() { throw fail("'setup.\(problem.key)': \(problem.reason)") }
                    setup = header.setup
                } else if probe.keys.contains("final") {
                    final = try decoder.decode(FinalLine.self, from: Data(text.utf8)).final
                } else if probe.keys.contains("command") {
                    let command = try decoder.decode(AppliedCommand.self, from: Data(text.utf8))
                    guard command.step >= 0 else { throw fail("'step': must be at least 0, got \(command.step)") }
                    if let time = command.time, !(time >= 0 && time.isFinite) {
                        throw fail("'time': must be a number of seconds, at least 0, got \(time)")
                    }
                    if case .setHyperparameters(let hyperparameters) = command.command, let problem = hyperparameters.problem() {
                        throw fail("'command.setHyperparameters._0.\(problem.key.dropFirst("hyperparameters.".count))': \(problem.reason)")
                    }
                    if case .setSpeed(let speed) = command.command, !(speed.map { $0 > 0 && $0.isFinite } ?? true) {
                        throw fail("'command.setSpeed.stepsPerSecond': must be a positive number or null, got \(speed!)")
                    }
                    if case .startFrom(let weights) = command.command, let bad = weights.first(where: { !$0.isFinite }) {
                        throw fail("'command.startFrom': every value must be finite, got \(bad)")
                    }
                    commands.append(command)
                    lines.append(number)
                } else {
                    throw fail("expected a command line {\"step\":…,\"command\":…} or the final line")
                }
            } catch let error as DecodingError {
                throw fail(describe(error))
            }
        }
        guard let setup else { throw RecordingError(file: file, line: nil, reason: "empty recording (no header line)") }
        var recording = SessionRecording(setup: setup, commands: commands, final: final)
        recording.file = file
        recording.commandLines = lines
        recording.notices = notices
        return recording
    }

    /// A decoding error as "'key.path': what was wrong", in our words (never the decoder's own text).
    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
                .replacingOccurrences(of: ".[", with: "[")
            return text.isEmpty ? "" : "'\(text)': "
        }
        func kind(_ type: Any.Type) -> String {
            switch type {
            case is Int.Type, is Int?.Type, is UInt64.Type: return "a whole number"
            case is Double.Type, is Double?.Type: return "a number"
            case is Bool.Type: return "true or false"
            case is String.Type: return "a string"
            default: return "a JSON value of another kind (\(String(describing: type).split(separator: ".").last ?? ""))"
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath))missing key '\(key.stringValue)'"
        case .typeMismatch(let type, let context): return "\(path(context.codingPath))must be \(kind(type))"
        case .valueNotFound(let type, let context): return "\(path(context.codingPath))must be \(kind(type)), not null"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "a value that does not fit its key (a fraction for a whole number, or a name Descent does not know)"
                : "\(path(context.codingPath))not a value Descent knows here"
        @unknown default: return "not a valid recording line"
        }
    }
}
