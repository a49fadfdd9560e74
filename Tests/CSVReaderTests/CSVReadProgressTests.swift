// A read's progress counters end at the file's size and row count, on one thread and on two.
import Foundation
import XCTest
@testable import CSVReader

final class CSVReadProgressTests: XCTestCase {
    private func file(rows: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("descent-progress-\(UUID().uuidString).csv").path
        var text = "a,b,y\n"
        for i in 0..<rows { text += "\(i),\(i % 7).25,\(2 * i + 1)\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testProgressCountsEveryByteAndRowInSmallChunksAndInTwoParts() throws {
        // 300 rows read in 256-byte chunks (one thread); 80,000 rows (over 1 MB) split over two threads.
        for (rows, chunk) in [(300, 256), (80_000, 64 << 10)] {
            let path = try file(rows: rows)
            defer { unlink(path) }
            let progress = CSVReadProgress()
            let table = try CSVTable.read(path: path, chunkBytes: chunk, progress: progress)
            let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
            let seen = progress.current
            XCTAssertEqual(table.rowCount, rows)
            XCTAssertEqual(seen.rows, rows, "every row counted once (\(rows) rows)")
            XCTAssertEqual(seen.totalBytes, size)
            XCTAssertEqual(seen.bytesRead, size, "every byte counted once (\(rows) rows)")
        }
    }
}
