// A file's bytes mapped or read: the same bytes either way, pages dropped and read again, pipes, empty files.
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

    func testARegularFileIsMappedAndDroppedPagesComeBackUnchanged() throws {
        let content = patterned(3 << 20 + 12_345)
        let path = directory.appendingPathComponent("data.bin").path
        try Data(content).write(to: URL(fileURLWithPath: path))
        let file = try FileBytes(path: path)
        XCTAssertTrue(file.isMapped)
        XCTAssertEqual(Array(file.bytes), content)
        file.release(1_000..<(2 << 20 + 77))
        file.release(0..<file.bytes.count)
        XCTAssertEqual(Array(file.bytes), content)
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
        XCTAssertFalse(file.isMapped)
        XCTAssertEqual(Array(file.bytes), content)
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
        XCTAssertEqual(file.bytes.count, 0)
        XCTAssertThrowsError(try FileBytes(path: directory.appendingPathComponent("nope").path)) {
            XCTAssertEqual($0 as? CSVError, .missingFile(.init(file: self.directory.appendingPathComponent("nope").path)))
        }
        XCTAssertThrowsError(try FileBytes(path: directory.path)) {
            XCTAssertEqual("\($0)", "\(self.directory.path): cannot read the file: it is a directory")
        }
    }
}
