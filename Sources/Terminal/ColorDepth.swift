// How many colours a terminal offers, and the nearest palette entry for a theme colour.

/// The colour capability of a terminal, from `COLORS` (or NO_COLOR).
public enum ColorDepth: Sendable, Equatable {
    case none, eight, sixteen, indexed256

    public init(colorCount: Int, noColor: Bool) {
        if noColor || colorCount < 8 { self = .none }
        else if colorCount < 16 { self = .eight }
        else if colorCount < 256 { self = .sixteen }
        else { self = .indexed256 }
    }

    /// The palette index nearest to `color` on a terminal of this depth; nil when there is no colour.
    public func nearestIndex(to color: RGBColor) -> Int? {
        switch self {
        case .none: return nil
        case .eight: return Self.nearest(color, among: Self.ansi.prefix(8).enumerated().map { ($0.offset, $0.element) })
        case .sixteen: return Self.nearest(color, among: Self.ansi.enumerated().map { ($0.offset, $0.element) })
        case .indexed256: return Self.nearest(color, among: Self.cube)
        }
    }

    private static func nearest(_ color: RGBColor, among candidates: [(Int, RGBColor)]) -> Int {
        var best = candidates[0].0, bestDistance = Int.max
        for (index, candidate) in candidates {
            let d = color.distanceSquared(to: candidate)
            if d < bestDistance { best = index; bestDistance = d }
        }
        return best
    }

    /// The xterm defaults for the 16 ANSI colours (terminals vary; these are the usual reference).
    static let ansi: [RGBColor] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
        (255, 255, 255),
    ].map { RGBColor(red: UInt8($0.0), green: UInt8($0.1), blue: UInt8($0.2)) }

    /// Indices 16…255 of the xterm palette: the 6×6×6 cube and the grey ramp. The first 16 are left out
    /// because users re-theme them, so they are not reliable targets.
    static let cube: [(Int, RGBColor)] = {
        let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
        var out: [(Int, RGBColor)] = []
        for r in 0..<6 { for g in 0..<6 { for b in 0..<6 {
            out.append((16 + 36 * r + 6 * g + b, RGBColor(red: levels[r], green: levels[g], blue: levels[b])))
        } } }
        for i in 0..<24 {
            let v = UInt8(8 + 10 * i)
            out.append((232 + i, RGBColor(red: v, green: v, blue: v)))
        }
        return out
    }()
}
