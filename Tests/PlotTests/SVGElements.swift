// Parses an SVG with Foundation's XMLParser into its elements, and compares SVG text with golden files.
import TestSupport
import Foundation
import FoundationXML
import XCTest

/// Every element of an XML document in order, with its attributes and text; nil when it is not well-formed.
final class SVGElements: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
        var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    static func parse(_ text: String) -> [Element]? {
        let collector = SVGElements()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        return parser.parse() ? collector.elements : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        open.append(elements.count)
        elements.append(Element(name: elementName, attributes: attributeDict))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }
}

extension Array where Element == SVGElements.Element {
    func withClass(_ name: String) -> [SVGElements.Element] { filter { $0.classes.contains(name) } }
}

/// The first point ("M x y") of SVG path data.
func firstPoint(ofPath d: String) -> (x: Double, y: Double)? {
    guard d.hasPrefix("M") else { return nil }
    let numbers = d.dropFirst().prefix { $0 != "L" && $0 != "M" }.split(separator: " ").compactMap { Double($0) }
    return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
}

/// How many points ("M" or "L") SVG path data goes through.
func pointCount(ofPath d: String) -> Int { d.filter { $0 == "M" || $0 == "L" }.count }

/// Asserts that `svg` equals `Golden/<name>.svg` (TestSupport's `GoldenFrame`; DESCENT_RECORD_GOLDEN=1 rewrites it).
func assertSVG(_ svg: String, matchesGolden name: String, file: StaticString = #filePath, line: UInt = #line) {
    golden.assertFile(named: name + ".svg", holds: svg, file: file, line: line)
}
