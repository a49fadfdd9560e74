// `descent fit --plot PREFIX` and `--export PREFIX`: the SVG figures of a real run, well-formed and complete.
import Foundation
import FoundationXML
import XCTest

final class FigureCommandTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-figures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private func descent(_ arguments: [String]) throws -> BinaryOutcome {
        try BinaryRun.run(BinaryRun.builtBinary(for: Self.self), arguments)
    }

    /// Counts of elements by class, or nil when the file is not well-formed XML.
    private func classes(_ file: String) throws -> [String: Int]? {
        final class Counter: NSObject, XMLParserDelegate {
            var counts: [String: Int] = [:]
            func parser(
                _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes: [String: String] = [:]
            ) {
                for name in (attributes["class"] ?? "").split(separator: " ") { counts[String(name), default: 0] += 1 }
                counts["<\(elementName)>", default: 0] += 1
            }
        }
        let counter = Counter()
        let parser = XMLParser(data: try Data(contentsOf: directory.appendingPathComponent(file)))
        parser.delegate = counter
        return parser.parse() ? counter.counts : nil
    }

    func testPlotWritesJustTheThreeFiguresOfTheRun() throws {
        let outcome = try descent(["fit", "--dataset", "diabetes", "--steps", "200", "--plot", directory.appendingPathComponent("d").path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        XCTAssertEqual(files, ["d-data.svg", "d-loss.svg", "d-weights.svg"])
        let loss = try XCTUnwrap(try classes("d-loss.svg"), "d-loss.svg is not well-formed")
        XCTAssertEqual(loss["series"], 1, "train only: no test set, no ghosts")
        XCTAssertEqual(loss["reference"], 1, "loss*")
        let weights = try XCTUnwrap(try classes("d-weights.svg"))
        XCTAssertEqual(weights["bar"], 10)
        XCTAssertEqual(weights["reference"], 10, "w* for each of the ten features")
        let data = try XCTUnwrap(try classes("d-data.svg"))
        XCTAssertEqual(data["point"], 442, "a dot per patient")
    }

    func testExportWritesTheFiguresWithTheDataFiles() throws {
        let prefix = directory.appendingPathComponent("e").path
        let outcome = try descent(["fit", "--dataset", "diabetes", "--steps", "100", "--test-fraction", "0.2", "--export", prefix])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        XCTAssertEqual(files, ["e-data.svg", "e-history.csv", "e-loss.svg", "e-weights.csv", "e-weights.svg", "e.json"])
        XCTAssertEqual(try classes("e-loss.svg")?["series"], 2, "train and test")
        let data = try XCTUnwrap(try classes("e-data.svg"))
        XCTAssertEqual(data["train"], 355, "354 train dots and the group holding them")
        XCTAssertEqual(data["point"], 442)
    }

    func testAnUnwritablePrefixIsOneLineAndLeavesNoFile() throws {
        let prefix = directory.appendingPathComponent("missing/d").path
        let outcome = try descent(["fit", "--dataset", "diabetes", "--steps", "5", "--plot", prefix])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stderr, "descent: --plot: \(prefix)-loss.svg: cannot write (no such directory)\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [])
        let closed = try descent(["fit", "--dataset", "diabetes", "--method", "closed-form", "--plot", prefix])
        XCTAssertEqual(closed.status, 1)
        XCTAssertEqual(closed.stderr, "descent: --plot: needs an iterative method (gd, sgd or minibatch)\n")
    }
}
