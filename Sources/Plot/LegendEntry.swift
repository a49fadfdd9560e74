// One item of a chart legend: a symbol in the item's role and its name.

/// A legend item such as "━ train"; the symbol carries the role so the colour matches the data.
public struct LegendEntry: Sendable, Hashable {
    public var symbol: String
    public var name: String
    public var role: StyleRole

    public init(symbol: String, name: String, role: StyleRole) {
        self.symbol = symbol
        self.name = name
        self.role = role
    }

    /// Width in cells: symbol, a space, the name.
    var width: Int { symbol.displayWidth + 1 + name.displayWidth }
}
