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
        var text = (1...columns).map { "x\($0)" }.joined(separator: ",") + ",y\n"
        var bytes = [UInt8]()
        bytes.reserveCapacity(min(rows, data.rowCount) * (columns + 1) * 22 + text.utf8.count)
        bytes += text.utf8
        for i in 0..<min(rows, data.rowCount) {
            text = ""
            for j in 0..<columns { text += "\(data.x[i * d + j])," }
            text += "\(data.y[i])\n"
            bytes += text.utf8
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        byteCount = bytes.count
    }

    /// Deletes the temporary folder and the file in it.
    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
