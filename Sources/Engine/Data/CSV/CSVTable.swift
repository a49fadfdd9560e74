// A parsed CSV file: the header, every cell read as a number, and where rows start for messages.
import Dispatch
import Foundation

/// The cells of a delimited text file, read in one pass. Handles a UTF-8 BOM, CRLF or LF line ends, quoted
/// fields (with `""` for a quote and line breaks inside quotes) and detects the delimiter.
///
/// Numbers are parsed while the file is split (plain decimals by `DecimalNumberParser`, correctly rounded)
/// into row-major blocks, one per reader thread; no text is kept per cell: a cell's text, line and character
/// column are found again from the nearest recorded row start when a message or a caller needs them.
public struct CSVTable: Sendable {
    /// The file name used in messages.
    public var file: String
    public var delimiter: UInt8
    public var header: [String]
    /// Which cells of each column are numbers.
    public var columns: [CSVColumn]
    public let rowCount: Int
    /// The rows in file order, in one block per reader thread.
    private let parts: [CSVRows]
    /// The table row of each part's first row, and the amount to add to the part's own line numbers.
    private let partFirstRows: [Int], partLineOffsets: [Int]
    private let source: FileBytes

    /// Reads and parses a file; `path` is the path as the user typed it (and names the file in messages).
    public static func read(path: String) throws -> CSVTable {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataError.missingFile(.init(file: path))
        }
        if isDirectory.boolValue { throw DataError.unreadableFile(.init(file: path), reason: "it is a directory") }
        return try parse(FileBytes(path: path), file: path)
    }

    /// Parses the bytes of a delimited text file.
    public static func parse(_ data: Data, file: String) throws -> CSVTable {
        try parse(FileBytes(data: data), file: file)
    }

    private static func notUTF8(_ file: String) -> DataError {
        DataError.unreadableFile(.init(file: file), reason: "it is not UTF-8 text")
    }

    private static func parse(_ source: FileBytes, file: String) throws -> CSVTable {
        let bytes = source.bytes
        let bodyStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var scanner = CSVScanner(bytes: bytes, file: file, start: bodyStart)
        scanner.delimiter = scanner.detectDelimiter()
        var fields = [CSVField]()
        guard let headerRecord = try scanner.nextRecord(into: &fields) else { throw DataError.emptyFile(.init(file: file)) }

        var header: [String] = []
        var seen = Set<String>()  // not header.contains: 100,000 columns would take 5·10⁹ comparisons
        for (index, field) in fields.enumerated() {
            guard var name = scanner.text(of: field)?.trimmingCharacters(in: .whitespaces) else { throw notUTF8(file) }
            if name.isEmpty { name = "column\(index + 1)" }
            if !seen.insert(name).inserted {
                throw DataError.duplicateColumn(
                    .init(file: file, line: headerRecord.line, column: scanner.column(of: field.start, lineStart: field.lineStart)),
                    name: name)
            }
            header.append(name)
        }

        let width = header.count
        let rowsStart = scanner.index, firstLine = scanner.line
        // Large files are split in two at the line end after the middle and read on two threads. A line end
        // inside a quoted field does not end a record, but a split there leaves the first half's last field
        // unterminated, which is an error; on any error the rows are read again in one piece, so records and
        // messages never depend on the split.
        var middle = rowsStart + (bytes.count - rowsStart) / 2
        while middle < bytes.count && bytes[middle] != CSVScanner.lf { middle += 1 }
        middle = min(bytes.count, middle + 1)
        let parts: [CSVRows]
        var lineOffsets: [Int]
        if bytes.count - rowsStart >= parallelBytes && middle < bytes.count,
            let halves = try? CSVRows.readInParallel(
                source: source, file: file, delimiter: scanner.delimiter, width: width,
                ranges: [rowsStart..<middle, middle..<bytes.count])
        {
            parts = halves
            lineOffsets = [firstLine - 1]
            for part in parts.dropLast() { lineOffsets.append(lineOffsets.last! + part.nextLine - 1) }
        } else {
            parts = [
                try CSVRows(
                    source: source, file: file, delimiter: scanner.delimiter, width: width, range: rowsStart..<bytes.count,
                    firstLine: firstLine)
            ]
            lineOffsets = [0]
        }
        var firstRows: [Int] = []
        var rowCount = 0
        var columns = [CSVColumn](repeating: CSVColumn(), count: width)
        for part in parts {
            for c in 0..<width {
                columns[c].numberCount += part.columns[c].numberCount
                columns[c].textCount += part.columns[c].textCount
                if columns[c].firstProblemRow == nil, let row = part.columns[c].firstProblemRow {
                    columns[c].firstProblemRow = rowCount + row
                }
            }
            firstRows.append(rowCount)
            rowCount += part.rowCount
        }
        if rowCount == 0 { throw DataError.headerOnly(.init(file: file)) }
        if rowCount < 2 { throw DataError.tooFewRows(.init(file: file), rows: rowCount) }
        return CSVTable(
            file: file, delimiter: scanner.delimiter, header: header, columns: columns, rowCount: rowCount, parts: parts,
            partFirstRows: firstRows, partLineOffsets: lineOffsets, source: source)
    }

    /// Files smaller than this are read on one thread.
    static let parallelBytes = 1 << 20

    /// The part holding table row `row`, and the row's index within it.
    private func locate(_ row: Int) -> (part: Int, row: Int) {
        precondition(row >= 0 && row < rowCount, "row \(row) is outside 0..<\(rowCount)")
        let part = partFirstRows.lastIndex { $0 <= row }!
        return (part, row - partFirstRows[part])
    }

    /// The value of a cell: the number, or NaN when the cell is not a finite number.
    public func value(row: Int, column: Int) -> Double {
        let (part, local) = locate(row)
        return parts[part].values[local, column]
    }

    /// Every value of column `c` (NaN where a cell is not a finite number).
    public func values(column c: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: rowCount) { buffer, initialized in
            for (part, first) in zip(parts, partFirstRows) {
                let values = part.values, width = values.width
                for i in 0..<part.rowCount { buffer[first + i] = values.base[i * width + c] }
            }
            initialized = rowCount
        }
    }

    /// Writes columns `chosen` of every row, in that order, to `x` (row-major, `chosen.count` a row) and column
    /// `target` to `y`, in one pass over the values with each part on its own thread.
    func copyRows(columns chosen: [Int], to x: UnsafeMutablePointer<Double>, column target: Int, to y: UnsafeMutablePointer<Double>) {
        let destination = SharedDoubles(x: x, y: y)
        DispatchQueue.concurrentPerform(iterations: parts.count) { p in
            let values = parts[p].values, width = values.width, d = chosen.count
            var xRow = destination.x + partFirstRows[p] * d
            var yRow = destination.y + partFirstRows[p]
            var input = UnsafePointer(values.base)
            chosen.withUnsafeBufferPointer { chosen in
                for _ in 0..<values.rowCount {
                    for j in 0..<d { xRow[j] = input[chosen[j]] }
                    yRow.pointee = input[target]
                    xRow += d
                    yRow += 1
                    input += width
                }
            }
        }
    }

    /// The 1-based line on which data row `row` (0-based) starts.
    public func line(ofRow row: Int) -> Int {
        place(ofRow: row).line
    }

    /// The line and byte offset where data row `row` starts: from the nearest recorded row, the records after it.
    private func place(ofRow row: Int) -> CSVRowPlace {
        let (part, local) = locate(row)
        let checkpoint = parts[part].checkpoints[local / CSVRows.checkpointInterval]
        var scanner = CSVScanner(
            bytes: source.bytes, file: file, start: checkpoint.start, line: checkpoint.line + partLineOffsets[part])
        scanner.delimiter = delimiter
        var fields = [CSVField]()
        for _ in 0..<(local % CSVRows.checkpointInterval) { _ = try? scanner.nextRecord(into: &fields) }
        // The next record is the row (blank lines before it are skipped, so its line comes from the record).
        var probe = scanner
        let record = try? probe.nextRecord(into: &fields)
        return CSVRowPlace(line: record?.line ?? scanner.line, start: record?.start ?? scanner.index)
    }

    /// The cells of data row `row` (0-based): their text (quotes removed) and the place each starts.
    public func cells(ofRow row: Int) -> [(text: String, place: DataError.Position)] {
        let start = place(ofRow: row)
        var scanner = CSVScanner(bytes: source.bytes, file: file, start: start.start, line: start.line)
        scanner.delimiter = delimiter
        var fields = [CSVField]()
        var cells: [(text: String, place: DataError.Position)] = []
        guard (try? scanner.nextRecord(into: &fields)) != nil else { return cells }
        var line = start.line, lineStart = start.start
        for field in fields {
            // Lines advance only inside quoted fields that span them: count the breaks since the last field.
            var i = lineStart
            while i < field.lineStart {
                if scanner.bytes[i] == CSVScanner.lf { line += 1 }
                i += 1
            }
            lineStart = field.lineStart
            let place = DataError.Position(file: file, line: line, column: scanner.column(of: field.start, lineStart: field.lineStart))
            cells.append((scanner.text(of: field) ?? "", place))
        }
        return cells
    }

    /// The text of one cell (quotes removed), found again from its row.
    public func text(row: Int, column: Int) -> String {
        cells(ofRow: row)[column].text
    }
}

/// The destinations of `copyRows`, written by each part's thread in rows no other thread writes.
private struct SharedDoubles: @unchecked Sendable {
    let x: UnsafeMutablePointer<Double>
    let y: UnsafeMutablePointer<Double>
}
