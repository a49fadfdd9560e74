// A file's bytes read with pread or held in memory: the same bytes either way, pipes, empty files, and a file that changes.
import Foundation
import XCTest
@testable import CSVReader
import Engine

final class FileBytesTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func patterned(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
    }

    func testARegularFileIsReadOnDemandAndAnyRangeGivesItsBytes() throws {
        let content = patterned(3 << 20 + 12_345)
        let path = directory.appendingPathComponent("data.bin").path
        try Data(content).write(to: URL(fileURLWithPath: path))
        let file = try FileBytes(path: path)
        XCTAssertTrue(file.isReadOnDemand)
        XCTAssertEqual(file.count, content.count)
        var buffer = ReadBuffer(capacity: 16)
        for range in [0..<content.count, 1_000..<(2 << 20 + 77), (content.count - 5)..<content.count, 7..<7] {
            XCTAssertEqual(Array(try file.bytes(range, using: &buffer)), Array(content[range]), "\(range)")
        }
        XCTAssertNoThrow(try file.checkUnchanged())
    }

    func testAFileThatShrinksOrChangesAfterTheOpenIsReportedNotFaulted() throws {
        let path = directory.appendingPathComponent("data.bin").path
        try Data(patterned(100_000)).write(to: URL(fileURLWithPath: path))
        let file = try FileBytes(path: path)
        XCTAssertEqual(truncate(path, 1_000), 0)
        var buffer = ReadBuffer()
        XCTAssertNoThrow(try file.bytes(0..<1_000, using: &buffer))
        XCTAssertThrowsError(try file.bytes(500..<90_000, using: &buffer)) {
            XCTAssertEqual("\($0)", "\(path) changed while it was read")
        }
        XCTAssertThrowsError(try file.checkUnchanged()) { XCTAssertEqual($0 as? CSVError, .changedWhileRead(.init(file: path))) }

        try Data(patterned(10)).write(to: URL(fileURLWithPath: directory.appendingPathComponent("grows.bin").path))
        let grows = try FileBytes(path: directory.appendingPathComponent("grows.bin").path)
        let handle = try FileHandle(forWritingTo: directory.appendingPathComponent("grows.bin"))
        try handle.seekToEnd()
        handle.write(Data([1, 2, 3]))
        try handle.close()
        XCTAssertThrowsError(try grows.checkUnchanged())
    }

    func testAPipeIsReadToItsEnd() throws {
        let content = patterned(300_000)
        let path = directory.appendingPathComponent("pipe").path
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: path)!
            handle.write(Data(content))
            try? handle.close()
        }
        writer.start()
        let file = try FileBytes(path: path)
        XCTAssertFalse(file.isReadOnDemand)
        var buffer = ReadBuffer()
        XCTAssertEqual(Array(try file.bytes(0..<file.count, using: &buffer)), content)
    }

    func testACSVFromAPipeLoadsLikeTheSameFile() throws {
        let text = "a,b,y\n1,2,3\n4.5,-6e1,7\n"
        let path = directory.appendingPathComponent("rows").path
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: path)!
            handle.write(Data(text.utf8))
            try? handle.close()
        }
        writer.start()
        let loaded = try DataSpecification(source: .csv(path: path)).load().train
        XCTAssertEqual(loaded.x, [1, 2, 4.5, -60])
        XCTAssertEqual(loaded.y, [3, 7])
    }

    func testEmptyAndMissingFiles() throws {
        let path = directory.appendingPathComponent("empty.csv").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        let file = try FileBytes(path: path)
        XCTAssertEqual(file.count, 0)
        XCTAssertThrowsError(try FileBytes(path: directory.appendingPathComponent("nope").path)) {
            XCTAssertEqual($0 as? CSVError, .missingFile(.init(file: self.directory.appendingPathComponent("nope").path)))
        }
        XCTAssertThrowsError(try FileBytes(path: directory.path)) {
            XCTAssertEqual("\($0)", "\(self.directory.path): cannot read the file: it is a directory")
        }
    }

    /// Chunks of a few bytes put a cut inside every kind of record: quoted line breaks, CRLF, blank lines, long
    /// rows. The table read from the file must equal the one parsed from memory in one piece, cells and places.
    func testSmallChunksGiveTheSameTableAsOnePiece() throws {
        var rows = ["note;x;y"]
        for i in 0..<400 {
            let note = i % 7 == 0 ? "\"two\r\nlines \"\"q\"\"\"" : (i % 5 == 0 ? "" : "n\(i)")
            rows.append("\(note);\(Double(i) * 0.25);\(i % 3 == 0 ? "1e\(i % 30)" : "-\(i).5")")
            if i % 11 == 0 { rows.append("") }
        }
        let text = "\u{FEFF}" + rows.enumerated().map { $0.element + ($0.offset % 2 == 0 ? "\r\n" : "\n") }.joined()
        let path = directory.appendingPathComponent("cuts.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let whole = try CSVTable.parse(Data(text.utf8), file: path)
        for chunk in [1, 2, 3, 7, 64, 1_000] {
            let table = try CSVTable.read(path: path, chunkBytes: chunk)
            XCTAssertEqual(table.header, whole.header, "chunk \(chunk)")
            XCTAssertEqual(table.rowCount, whole.rowCount, "chunk \(chunk)")
            for c in 1...2 {
                XCTAssertEqual(table.values(column: c).map(\.bitPattern), whole.values(column: c).map(\.bitPattern))
            }
            for row in [0, 1, 7, 77, 250, 399] {
                XCTAssertEqual(try table.line(ofRow: row), try whole.line(ofRow: row), "chunk \(chunk) row \(row)")
                XCTAssertEqual(try table.cells(ofRow: row).map(\.text), try whole.cells(ofRow: row).map(\.text))
                XCTAssertEqual(try table.cells(ofRow: row).map(\.place), try whole.cells(ofRow: row).map(\.place))
            }
        }
    }
}
