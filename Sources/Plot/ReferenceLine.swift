// A labelled horizontal line on a chart, such as the closed-form optimum loss.

/// A horizontal line at `value`, drawn dashed in `role` with `label` at its left end.
public struct ReferenceLine: Sendable, Hashable {
    public var value: Double
    public var role: StyleRole
    public var label: String

    public init(value: Double, role: StyleRole = .reference, label: String) {
        self.value = value
        self.role = role
        self.label = label
    }
}
