// The key of a vector figure: a sample of each line or mark and its name, in rows above the plot.
import Foundation

/// One legend item and how its sample is drawn.
public struct SVGLegendItem: Sendable, Hashable {
    public enum Sample: Sendable, Hashable {
        case line(LinePattern, width: Double)
        case dot
        case square
        case diamond
        case bar
    }

    public var name: String
    public var role: StyleRole
    public var sample: Sample

    public init(name: String, role: StyleRole, sample: Sample) {
        self.name = name
        self.role = role
        self.sample = sample
    }
}

/// Lays legend items out left to right, wrapping to new rows, and draws them.
struct SVGLegend {
    var items: [SVGLegendItem]
    static let rowHeight = 18.0
    static let sampleWidth = 28.0

    /// Rough width of text in user units (proportional fonts average about 0.56 em a character).
    static func textWidth(_ text: String, size: Double = SVGDocument.fontSize) -> Double {
        Double(text.count) * size * 0.56
    }

    /// Each item's position (x offset, row) within `width`.
    func layout(width: Double) -> [(x: Double, row: Int)] {
        var x = 0.0, row = 0
        return items.map { item in
            let w = Self.sampleWidth + 6 + Self.textWidth(item.name) + 18
            if x > 0, x + w > width { x = 0; row += 1 }
            defer { x += w }
            return (x, row)
        }
    }

    func rows(width: Double) -> Int { items.isEmpty ? 0 : (layout(width: width).map(\.row).max() ?? 0) + 1 }

    func draw(into document: inout SVGDocument, x left: Double, y top: Double, width: Double) {
        guard !items.isEmpty else { return }
        document.open("g", ["class": "legend"])
        for (item, place) in zip(items, layout(width: width)) {
            let x = left + place.x, y = top + Double(place.row) * Self.rowHeight + Self.rowHeight / 2
            let colour = SVGPalette.colour(item.role)
            let n = SVGDocument.number
            switch item.sample {
            case let .line(pattern, width):
                var attributes = [
                    "x1": n(x), "y1": n(y), "x2": n(x + Self.sampleWidth), "y2": n(y), "stroke": colour,
                    "stroke-width": n(width),
                ]
                if let dashes = SVGPalette.dashArray(pattern) { attributes["stroke-dasharray"] = dashes }
                document.element("line", attributes)
            case .dot:
                document.element("circle", ["cx": n(x + Self.sampleWidth / 2), "cy": n(y), "r": "3", "fill": colour])
            case .square:
                document.element("rect", ["x": n(x + Self.sampleWidth / 2 - 3), "y": n(y - 3), "width": "6", "height": "6", "fill": colour])
            case .diamond:
                document.element("path", ["d": SVGMarks.diamond(x: x + Self.sampleWidth / 2, y: y, size: 5), "fill": colour])
            case .bar:
                document.element("rect", ["x": n(x + 4), "y": n(y - 5), "width": n(Self.sampleWidth - 8), "height": "10", "fill": colour])
            }
            document.element("text", ["x": n(x + Self.sampleWidth + 6), "y": n(y + 4.5), "fill": SVGPalette.ink], text: item.name)
        }
        document.close()
    }
}

/// Small marks shared by the figures.
enum SVGMarks {
    /// A diamond centred on (x, y), `size` from centre to corner: the screen's ◆.
    static func diamond(x: Double, y: Double, size: Double) -> String {
        let n = SVGDocument.number
        return "M\(n(x)) \(n(y - size))L\(n(x + size)) \(n(y))L\(n(x)) \(n(y + size))L\(n(x - size)) \(n(y))Z"
    }
}
