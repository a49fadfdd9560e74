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
    /// `progress`, if given, counts the bytes and rows read so far while it runs.
    public static func read(path: String, progress: CSVReadProgress? = nil) throws -> CSVTable {
        try read(path: path, chunkBytes: CSVRows.chunkBytes, progress: progress)
    }

    /// Reads a file in chunks of `chunkBytes` (tests make them small to put cuts everywhere).
    static func read(path: String, chunkBytes: Int, progress: CSVReadProgress? = nil) throws -> CSVTable {
        let table = try parse(FileBytes(path: path), chunkBytes: chunkBytes, progress: progress)
        try table.source.checkUnchanged()
        return table
    }

    /// Parses `data` as a file read in chunks of `chunkBytes` would be (tests and the fuzzer compare the two).
    static func parse(_ data: Data, file: String, chunkBytes: Int) throws -> CSVTable {
        try parse(FileBytes(data: data, file: file, chunked: true), chunkBytes: chunkBytes)
    }

    /// Parses the bytes of a delimited text file.
    public static func parse(_ data: Data, file: String) throws -> CSVTable {
        try parse(FileBytes(data: data, file: file), chunkBytes: CSVRows.chunkBytes)
    }

    /// The header's column names, its delimiter, and where the data rows start (byte and line).
    private static func readHeader(_ source: FileBytes) throws -> (names: [String], delimiter: UInt8, start: Int, line: Int) {
        let file = source.file
        var buffer = ReadBuffer()
        var size = min(source.count, 1 << 16)
        while true {
            let isLast = size == source.count
            let window = try source.bytes(0..<size, using: &buffer)
            let usable = isLast ? window.count : CSVRows.cut(window)
            let bodyStart = window.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var scanner = CSVScanner(bytes: UnsafeBufferPointer(rebasing: window[0..<usable]), file: file, start: min(bodyStart, usable))
            let (delimiter, lineEnded) = scanner.detectDelimiter()
            scanner.delimiter = delimiter
            var fields = [CSVField]()
            let headerRecord: CSVRecord?
            do {
                headerRecord = try scanner.nextRecord(into: &fields)
            } catch CSVError.unterminatedQuote(let at) {
                if isLast { throw CSVError.unterminatedQuote(at) }
                headerRecord = nil
            }
            guard let headerRecord, lineEnded || isLast else {
                if isLast { throw CSVError.emptyFile(.init(file: file)) }
                size = min(source.count, size * 2)  // the header goes on past this read: read more
                continue
            }
            var header: [String] = []
            var seen = Set<String>()  // not header.contains: 100,000 columns would take 5·10⁹ comparisons
            for (index, field) in fields.enumerated() {
                // Only for a message: a field's column counts characters from the line's start, O(line) each.
                func place() -> CSVPosition {
                    CSVPosition(file: file, line: headerRecord.line, column: scanner.column(of: field.start, lineStart: field.lineStart))
                }
                guard var name = scanner.text(of: field)?.trimmingCharacters(in: .whitespaces) else {
                    throw CSVError.notUTF8(place())
                }
                if name.isEmpty { name = "column\(index + 1)" }
                if !seen.insert(name).inserted { throw CSVError.duplicateColumn(place(), name: name) }
                header.append(name)
            }
            return (header, delimiter, scanner.index, scanner.line)
        }
    }

    /// The byte just after the first line feed at or after `position` (the end of the bytes when there is none).
    private static func lineEnd(after position: Int, in source: FileBytes) throws -> Int {
        var buffer = ReadBuffer()
        var at = position
        while at < source.count {
            let end = min(source.count, at + (1 << 16))
            let window = try source.bytes(at..<end, using: &buffer)
            if let found = window.firstIndex(of: CSVScanner.lf) { return at + found + 1 }
            at = end
        }
        return source.count
    }

    private static func parse(_ source: FileBytes, chunkBytes: Int, progress: CSVReadProgress? = nil) throws -> CSVTable {
        let file = source.file, count = source.count
        let (header, delimiter, rowsStart, firstLine) = try readHeader(source)
        progress?.start(totalBytes: count)
        progress?.add(bytes: rowsStart, rows: 0)
        let width = header.count
        // Large files are split in two at the line end after the middle and read on two threads. A line end
        // inside a quoted field does not end a record, but a split there leaves the first half's last field
        // unterminated, which is an error; on any error but a changed file the rows are read again in one
        // piece, so records and messages never depend on the split.
        let middle = count - rowsStart >= parallelBytes ? try lineEnd(after: rowsStart + (count - rowsStart) / 2, in: source) : count
        var parts: [CSVRows]?
        var lineOffsets: [Int] = [0]
        if middle < count {
            do {
                parts = try CSVRows.readInParallel(
                    source: source, delimiter: delimiter, width: width, ranges: [rowsStart..<middle, middle..<count],
                    chunkBytes: chunkBytes, progress: progress)
                lineOffsets = [firstLine - 1]
                for part in parts!.dropLast() { lineOffsets.append(lineOffsets.last! + part.nextLine - 1) }
            } catch CSVError.changedWhileRead(let at) {
                throw CSVError.changedWhileRead(at)
            } catch {
                parts = nil
            }
        }
        if parts == nil {
            if middle < count {
                progress?.start(totalBytes: count)
                progress?.add(bytes: rowsStart, rows: 0)
            }
            parts = [try CSVRows(source: source, delimiter: delimiter, width: width, range: rowsStart..<count, firstLine: firstLine,
                chunkBytes: chunkBytes, progress: progress)]
            lineOffsets = [0]
        }
        let read = parts!
        var firstRows: [Int] = []
        var rowCount = 0
        var columns = [CSVColumn](repeating: CSVColumn(), count: width)
        for part in read {
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
        if rowCount == 0 { throw CSVError.headerOnly(.init(file: file)) }
        if rowCount < 2 { throw CSVError.tooFewRows(.init(file: file), rows: rowCount) }
        return CSVTable(
            file: file, delimiter: delimiter, header: header, columns: columns, rowCount: rowCount, parts: read,
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
    public func copyRows(columns chosen: [Int], to x: UnsafeMutablePointer<Double>, column target: Int, to y: UnsafeMutablePointer<Double>) {
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

    /// The end of the block of rows holding table row `row` (the next recorded row
    /// start, or the end of its part), where every record of the block ends.
    private func blockEnd(ofRow row: Int) -> Int {
        let (part, local) = locate(row)
        let next = local / CSVRows.checkpointInterval + 1
        return next < parts[part].checkpoints.count ? parts[part].checkpoints[next].start : parts[part].end
    }

    /// The line and byte offset where data row `row` starts: from the nearest recorded row, the records after it.
    private func place(ofRow row: Int) throws -> CSVRowPlace {
        let (part, local) = locate(row)
        let checkpoint = parts[part].checkpoints[local / CSVRows.checkpointInterval]
        var buffer = ReadBuffer()
        let window = try source.bytes(checkpoint.start..<blockEnd(ofRow: row), using: &buffer)
        var scanner = CSVScanner(bytes: window, file: file, line: checkpoint.line + partLineOffsets[part])
        scanner.delimiter = delimiter
        var fields = [CSVField]()
        for _ in 0..<(local % CSVRows.checkpointInterval) { _ = try? scanner.nextRecord(into: &fields) }
        // The next record is the row (blank lines before it are skipped, so its line comes from the record).
        var probe = scanner
        let record = try? probe.nextRecord(into: &fields)
        return CSVRowPlace(line: record?.line ?? scanner.line, start: checkpoint.start + (record?.start ?? scanner.index))
    }

    /// The 1-based line on which data row `row` (0-based) starts.
    public func line(ofRow row: Int) throws -> Int {
        try place(ofRow: row).line
    }

    /// The cells of data row `row` (0-based): their text (quotes removed) and the place each starts. Throws
    /// `changedWhileRead` when the file no longer holds what was read.
    public func cells(ofRow row: Int) throws -> [(text: String, place: CSVPosition)] {
        let start = try place(ofRow: row)
        var buffer = ReadBuffer()
        let window = try source.bytes(start.start..<blockEnd(ofRow: row), using: &buffer)
        var scanner = CSVScanner(bytes: window, file: file, line: start.line)
        scanner.delimiter = delimiter
        var fields = [CSVField]()
        var cells: [(text: String, place: CSVPosition)] = []
        guard let record = try? scanner.nextRecord(into: &fields) else { return cells }
        for field in fields {
            cells.append((scanner.text(of: field) ?? "", scanner.position(of: field, inRecordStartingAt: record)))
        }
        try source.checkUnchanged()
        return cells
    }

    /// The text of one cell (quotes removed), found again from its row.
    public func text(row: Int, column: Int) throws -> String {
        try cells(ofRow: row)[column].text
    }
}

/// The destinations of `copyRows`, written by each part's thread in rows no other thread writes.
private struct SharedDoubles: @unchecked Sendable {
    let x: UnsafeMutablePointer<Double>
    let y: UnsafeMutablePointer<Double>
}
