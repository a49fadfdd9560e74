// Why a session recording cannot be read or replayed.

/// A recording that cannot be read or replayed, as "file:line: reason".
public struct RecordingError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var reason: String

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(reason)".escapedForMessage
    }
}
