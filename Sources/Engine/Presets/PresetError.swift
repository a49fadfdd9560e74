// Why a preset file cannot be used, naming file:line and the key.

/// A bad preset, as "file:line: key 'training.lr': reason" (the line is left out when unknown).
public struct PresetError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var key: String?
    public var reason: String

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return (place + ": " + (key.map { "key '\($0)': " } ?? "") + reason).escapedForMessage
    }
}
