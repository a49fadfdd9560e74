// The shared scale of a bar chart: the zero column and half-cells per unit of weight.

/// Where zero sits among the bar columns and how values map to half-cells on either side of it.
struct BarScale {
    let zeroColumn: Int
    /// Half-cells per unit of value on each side.
    let unitsPerValue: Double
    let width: Int

    /// nil when there is no room for the zero line and a bar cell.
    init?(bars: [BarChart.Bar], width: Int) {
        guard width >= 2 else { return nil }
        var lo = 0.0, hi = 0.0
        for bar in bars {
            for v in [bar.value, bar.reference ?? 0] where v.isFinite {
                lo = min(lo, v)
                hi = max(hi, v)
            }
        }
        if lo == 0 && hi == 0 { hi = 1 }
        let cells = Double(width - 1)
        let left = lo < 0 ? Int((cells * -lo / (hi - lo)).rounded()) : 0
        zeroColumn = lo < 0 && hi > 0 ? max(1, min(width - 2, left)) : left
        // Both sides share one scale: a cell means the same amount left and right of zero.
        let leftRoom = Double(zeroColumn), rightRoom = Double(width - 1 - zeroColumn)
        let perValue = min(lo < 0 ? leftRoom / -lo : .infinity, hi > 0 ? rightRoom / hi : .infinity)
        unitsPerValue = 2 * (perValue.isFinite ? perValue : 0)
        self.width = width
    }

    /// Bar cells for `value`: full blocks with a half block at the tip (ASCII: `#`).
    func cells(for value: Double, unicode: Bool) -> [(Int, Character)] {
        guard value.isFinite, value != 0 else { return [] }
        let halves = Int((abs(value) * unitsPerValue).rounded())
        guard halves > 0 else { return [] }
        var out: [(Int, Character)] = []
        let full = halves / 2, half = halves % 2 == 1
        for k in 0..<full {
            out.append((value > 0 ? zeroColumn + 1 + k : zeroColumn - 1 - k, unicode ? "█" : "#"))
        }
        if half {
            out.append(value > 0 ? (zeroColumn + 1 + full, unicode ? "▌" : "#") : (zeroColumn - 1 - full, unicode ? "▐" : "#"))
        }
        return out.filter { $0.0 >= 0 && $0.0 < width }
    }

    /// The column of the tip of a bar of `value` (the zero column for zero).
    func column(of value: Double) -> Int? {
        guard value.isFinite else { return nil }
        let halves = Int((abs(value) * unitsPerValue).rounded())
        guard halves > 0 else { return zeroColumn }
        let offset = (halves + 1) / 2
        let column = value > 0 ? zeroColumn + offset : zeroColumn - offset
        return min(max(0, column), width - 1)
    }
}
