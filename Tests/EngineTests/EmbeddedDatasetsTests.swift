// The compiled-in built-in data sets equal the CSV files in Datasets/, and load without any file on disk.
import XCTest
@testable import Engine

final class EmbeddedDatasetsTests: XCTestCase {
    private static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Datasets")

    func testCompiledCopiesMatchTheDatasetsFolder() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".csv") }
        XCTAssertEqual(Set(files.map { String($0.dropLast(4)) }), Set(EmbeddedDatasets.sources.keys))
        for file in files {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
            // Swift string literals store line ends as \n, whatever the file used.
            let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
            XCTAssertEqual(
                EmbeddedDatasets.sources[String(file.dropLast(4))].map { $0 + "\n" }, normalized,
                "\(file): run Scripts/embed-datasets.sh")
        }
    }

    func testDiabetesAndLongleyLoadFromTheBinary() throws {
        let diabetes = try DataSpecification(source: .builtin(.diabetes)).load().train
        XCTAssertEqual(diabetes.rowCount, 442)
        XCTAssertEqual(diabetes.featureNames, ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"])
        XCTAssertEqual(diabetes.targetName, "progression")
        let longley = try DataSpecification(source: .builtin(.longley)).load().train
        XCTAssertEqual(longley.rowCount, 16)
        XCTAssertEqual(longley.featureCount, 6)
        XCTAssertEqual(longley.y.first, 60323)
    }
}
