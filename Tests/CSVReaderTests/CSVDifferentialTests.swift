// Generated valid CSVs in every dialect the README promises read equal to Swift's Double(String) on a simple split.
import Foundation
import XCTest
@testable import CSVReader
import Engine

final class CSVDifferentialTests: XCTestCase {
    /// A number written the way some file might: exponents, `+`, `.5`, `5.`, long digit strings, subnormals, ±0.
    private func numberText(_ random: inout SeededGenerator) -> String {
        let value = random.nextGaussian() * pow(10, Double(random.nextInt(below: 40)) - 20)
        switch random.nextInt(below: 14) {
        case 0: return "\(value)"
        case 1: return String(format: "%.17g", value)
        case 2: return String(format: "%.3f", value)
        case 3: return String(format: "%.12E", value)
        case 4: return "+" + String(format: "%.6e", abs(value))
        case 5: return "." + String(random.nextInt(below: 100_000))
        case 6: return "-." + String(random.nextInt(below: 1_000))
        case 7: return String(random.nextInt(below: 100_000)) + "."
        case 8: return (0..<(20 + random.nextInt(below: 40))).map { _ in String(random.nextInt(below: 10)) }.joined()
            + "." + String(random.nextInt(below: 1_000_000)) + "e-" + String(random.nextInt(below: 30))
        case 9: return String(format: "%.17g", Double.leastNonzeroMagnitude * Double(1 + random.nextInt(below: 1 << 20)))
        case 10: return ["0", "-0", "+0", "0.0", "-0.0", "0e5", "-0E-5", "000.000"][random.nextInt(below: 8)]
        case 11: return "\(random.nextInt(below: 10))e+\(random.nextInt(below: 300))"
        case 12: return "4.9e-324"
        default: return String(random.nextInt(below: 1 << 30) - (1 << 29))
        }
    }

    private struct Dialect {
        var separator: String, lineEnd: String, bom: Bool, quoted: Bool, blankLines: Bool, spaces: Bool
    }

    /// The values as an independent reader sees them: split on line ends and the separator, quotes and spaces
    /// removed, each cell through `Double(String)`; blank lines dropped.
    private func reference(_ text: String, separator: Character) -> (header: [String], rows: [[Double]]) {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: true)
        func clean(_ cell: Substring) -> String {
            cell.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        let header = lines[0].split(separator: separator, omittingEmptySubsequences: false).map(clean)
        let rows = lines.dropFirst().map { $0.split(separator: separator, omittingEmptySubsequences: false).map { Double(clean($0))! } }
        return (header, rows)
    }

    private func check(_ dialect: Dialect, rows: Int, columns: Int, seed: UInt64, directory: URL) throws {
        var random = SeededGenerator(seed: seed)
        var text = dialect.bom ? "\u{FEFF}" : ""
        text += (0..<columns).map { "c\($0)" }.joined(separator: dialect.separator) + dialect.lineEnd
        for _ in 0..<rows {
            let cells = (0..<columns).map { _ -> String in
                var cell = numberText(&random)
                if dialect.spaces && random.nextInt(below: 4) == 0 { cell = " \(cell) " }
                if dialect.quoted && random.nextInt(below: 3) == 0 { cell = "\"\(cell.trimmingCharacters(in: .whitespaces))\"" }
                return cell
            }
            text += cells.joined(separator: dialect.separator) + dialect.lineEnd
            if dialect.blankLines && random.nextInt(below: 10) == 0 { text += dialect.lineEnd }
        }
        let expected = reference(text, separator: Character(dialect.separator))
        let path = directory.appendingPathComponent("d\(seed).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let name = "\(dialect) seed \(seed)"
        for table in [try CSVTable.read(path: path), try CSVTable.read(path: path, chunkBytes: 4_099), try CSVTable.parse(Data(text.utf8), file: path)] {
            XCTAssertEqual(table.header, expected.header, name)
            XCTAssertEqual(table.rowCount, expected.rows.count, "rows dropped or added: \(name)")
            XCTAssertEqual(table.delimiter, UInt8(ascii: Unicode.Scalar(dialect.separator)!), name)
            for c in 0..<columns {
                let got = try table.numbers(column: c).map(\.bitPattern)
                let want = expected.rows.map { $0[c].bitPattern }
                if got != want, let i = got.indices.first(where: { $0 >= want.count || got[$0] != want[$0] }) {
                    XCTFail("\(name): row \(i) column \(c): \(Double(bitPattern: got[i])) vs \(Double(bitPattern: want[i]))")
                }
            }
        }
    }

    func testEveryDialectReadsLikeDoubleOnASimpleSplit() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var seed: UInt64 = 1
        for separator in [",", ";", "\t"] {
            for lineEnd in ["\n", "\r\n", "\r"] {
                for (bom, quoted, blank) in [(false, false, false), (true, true, true), (false, true, false), (true, false, true)] {
                    let dialect = Dialect(separator: separator, lineEnd: lineEnd, bom: bom, quoted: quoted, blankLines: blank, spaces: quoted)
                    try check(dialect, rows: 600, columns: 2 + Int(seed % 4), seed: seed, directory: directory)
                    seed += 1
                }
            }
        }
        // Large enough to be read in two halves on two threads.
        try check(Dialect(separator: ",", lineEnd: "\r\n", bom: true, quoted: true, blankLines: true, spaces: true),
                  rows: 40_000, columns: 3, seed: 99, directory: directory)
    }
}
