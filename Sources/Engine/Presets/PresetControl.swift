// The UI controls a teacher's preset can lock or hide, by the names preset files use.

/// A control of the live trainer that a preset may lock (shown, not changeable) or hide.
public enum PresetControl: String, CaseIterable, Sendable, Codable {
    case method, update, lr, batch, momentum, l2, l1, speed, standardize
    case closedForm = "closed-form"
    case reset, data
}
