// An SVG file being written: a fixed print size, elements in order, text escaped, numbers in two decimals.
import Foundation

/// A standalone SVG document. Coordinates are in user units with four units to the millimetre, so a
/// 640 × 400 figure prints 160 mm × 100 mm (half an A4 page, wide) and its 13-unit text at about 9 pt.
public struct SVGDocument: Sendable {
    public let width: Double
    public let height: Double
    private var body: [String] = []
    private var depth = 1

    /// Units per millimetre on paper.
    public static let unitsPerMillimetre = 4.0
    public static let fontFamily = "Helvetica, Arial, sans-serif"
    public static let fontSize = 13.0

    public init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        element("title", [:], text: title)
        // A light background for print, whatever the viewer's own.
        element("rect", ["x": "0", "y": "0", "width": Self.number(width), "height": Self.number(height), "fill": "#ffffff"])
    }

    /// One empty (or text-holding) element with its attributes in key order.
    public mutating func element(_ name: String, _ attributes: [String: String], text: String? = nil) {
        let line = "<\(name)\(Self.attributes(attributes))"
        if let text {
            body.append(indent + line + ">" + Self.escape(text) + "</\(name)>")
        } else {
            body.append(indent + line + "/>")
        }
    }

    /// Opens a group; `close()` ends it.
    public mutating func open(_ name: String = "g", _ attributes: [String: String]) {
        body.append(indent + "<\(name)\(Self.attributes(attributes))>")
        depth += 1
    }

    public mutating func close(_ name: String = "g") {
        depth -= 1
        body.append(indent + "</\(name)>")
    }

    private var indent: String { String(repeating: "  ", count: depth) }

    /// The whole file.
    public var text: String {
        let mm = { (units: Double) in Self.number(units / Self.unitsPerMillimetre) + "mm" }
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(mm(width))\" height=\"\(mm(height))\" "
                + "viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" "
                + "font-family=\"\(Self.fontFamily)\" font-size=\"\(Self.number(Self.fontSize))\">",
        ]
        lines += body
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func attributes(_ attributes: [String: String]) -> String {
        attributes.keys.sorted().map { " \($0)=\"\(escape(attributes[$0]!))\"" }.joined()
    }

    /// A coordinate with at most two decimals and no trailing zeros ("12.5", "-3", "0").
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Text safe inside an element or a quoted attribute; control characters become spaces.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
