// The repository carries the Apache-2.0 licence and a NOTICE entry for every data set it ships.
import Foundation
import XCTest

final class LicenseTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func text(_ path: String) throws -> String {
        try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
    }

    func testLicenseIsTheFullApache2Text() throws {
        let license = try text("LICENSE")
        XCTAssertTrue(license.contains("Apache License\n                           Version 2.0, January 2004"))
        // The full text, not a pointer to it: its last section and appendix are there.
        for section in ["9. Accepting Warranty or Additional Liability.", "END OF TERMS AND CONDITIONS",
                        "APPENDIX: How to apply the Apache License to your work."] {
            XCTAssertTrue(license.contains(section), "LICENSE lacks \(section)")
        }
    }

    func testNoticeNamesEveryShippedDataFile() throws {
        let notice = try text("NOTICE")
        let fileManager = FileManager.default
        let datasets = try fileManager.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Datasets").path)
            .filter { $0 != "README.md" }
        XCTAssertFalse(datasets.isEmpty)
        for name in datasets { XCTAssertTrue(notice.contains("Datasets/\(name)"), "NOTICE has no entry for Datasets/\(name)") }
        let nist = try fileManager.contentsOfDirectory(
            atPath: Self.root.appendingPathComponent("Tests/LeastSquaresTests/NIST").path)
        for name in nist where name.hasSuffix(".csv") {
            let set = String(name.dropLast(4)).replacingOccurrences(of: #"\d+$"#, with: "", options: .regularExpression)
            XCTAssertTrue(notice.contains(set), "NOTICE does not name the NIST set \(name)")
        }
        for terms in ["BSD 3-Clause", "public", "domain", "MIT License"] { XCTAssertTrue(notice.contains(terms), terms) }
    }
}
