// The CSV file the benchmark loads: features and target of the synthetic data, written as a peer would.
import Engine
import Foundation

/// Writes the first `rows` rows of up to nine features plus the target as CSV (shortest round-trip
/// decimals, as pandas' `to_csv` writes them), in a fresh temporary folder that `remove()` deletes.
struct BenchmarkCSVFile {
    let folder: URL
    let path: String
    /// Size of the file in bytes.
    let byteCount: Int

    init(data: Dataset, rows: Int) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("descent-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("data.csv").path
        let d = data.featureCount, columns = min(9, d)
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        // Written in chunks, so the benchmark's own memory peak stays that of the data set.
        var chunk = (1...columns).map { "x\($0)" }.joined(separator: ",") + ",y\n"
        var written = 0
        for i in 0..<min(rows, data.rowCount) {
            for j in 0..<columns { chunk += "\(data.x[i * d + j])," }
            chunk += "\(data.y[i])\n"
            if chunk.utf8.count >= 1 << 20 {
                try handle.write(contentsOf: Data(chunk.utf8))
                written += chunk.utf8.count
                chunk = ""
            }
        }
        try handle.write(contentsOf: Data(chunk.utf8))
        byteCount = written + chunk.utf8.count
    }

    /// Deletes the temporary folder and the file in it.
    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
