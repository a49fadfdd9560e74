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

    func testOneInputModelsAlsoGetTheFitFigure() throws {
        let line = try descent(["fit", "--steps", "200", "--plot", directory.appendingPathComponent("l").path])
        XCTAssertEqual(line.status, 0, line.stderr)
        let poly = try descent([
            "fit", "--poly", "9", "--test-fraction", "0.3", "--steps", "300", "--plot", directory.appendingPathComponent("p").path,
        ])
        XCTAssertEqual(poly.status, 0, poly.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        XCTAssertEqual(files, [
            "l-data.svg", "l-fit.svg", "l-loss.svg", "l-weights.svg", "p-data.svg", "p-fit.svg", "p-loss.svg", "p-weights.svg",
        ])
        let lineFit = try XCTUnwrap(try classes("l-fit.svg"), "l-fit.svg is not well-formed")
        XCTAssertEqual(lineFit["point"], 100, "a dot per row of the line data")
        XCTAssertEqual(lineFit["curve"], 2, "the model and the closed form")
        let polyFit = try XCTUnwrap(try classes("p-fit.svg"))
        XCTAssertEqual(polyFit["point"], 100)
        XCTAssertEqual(polyFit["test"], 31, "30 test squares and the group holding them")
        XCTAssertEqual(polyFit["curve"], 2)
        let text = try String(contentsOf: directory.appendingPathComponent("p-fit.svg"), encoding: .utf8)
        XCTAssertTrue(text.contains("model (degree-9 curve)") && text.contains("stroke-dasharray"), "the curve named, the closed form dashed")
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
