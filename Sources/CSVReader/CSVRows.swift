// The data rows of one byte range of a CSV file read into row-major numbers, on one thread or split in two.
import Dispatch
import Foundation
import Locking

/// The numbers of the records in a byte range (NaN where a cell is not a finite number), counts per column,
/// and where every 256th row starts (a row's text and line are found again from there for messages).
struct CSVRows: Sendable {
    var values: RowMajorValues
    var columns: [CSVColumn]
    /// Line and byte offset of rows 0, 256, 512, … (lines as counted in this range).
    var checkpoints: [CSVRowPlace]
    /// The line just after the range.
    var nextLine: Int
    /// The byte just after the range.
    var end: Int

    var rowCount: Int { values.rowCount }

    /// Rows between two checkpoints.
    static let checkpointInterval = 256
    /// A file is read in chunks of this many bytes (a chunk grows when one record is longer).
    static let chunkBytes = 8 << 20

    /// Reads the records in `range` of `source` (which starts at a record's start, on line `firstLine`), in
    /// chunks of `chunkBytes` cut after a line end; a record a cut splits (a quoted line break) is read again
    /// from its start with the next chunk.
    init(
        source: FileBytes, delimiter: UInt8, width: Int, range: Range<Int>, firstLine: Int, chunkBytes: Int = CSVRows.chunkBytes,
        progress: CSVReadProgress? = nil
    ) throws {
        var fields = [CSVField]()
        columns = [CSVColumn](repeating: CSVColumn(), count: width)
        checkpoints = []
        // At least two bytes a cell: the guess is never too small for files of numbers, and the capacity it
        // leaves unused is never touched.
        values = RowMajorValues(width: width, capacity: range.count / (2 * max(1, width)) + 16)
        var base = values.base, capacity = values.capacity, row = 0, fastRows = 0
        var buffer = ReadBuffer(capacity: source.isReadOnDemand ? min(chunkBytes, range.count) : 16)
        var offset = range.lowerBound, line = firstLine
        var chunk = source.isReadOnDemand ? max(1, chunkBytes) : range.count
        while offset < range.upperBound {
            let readEnd = min(range.upperBound, offset + chunk)
            let isLast = readEnd == range.upperBound
            let window = try source.bytes(offset..<readEnd, using: &buffer)
            let usable = isLast ? window.count : CSVRows.cut(window)
            guard usable > 0 else {
                chunk *= 2  // no line end in the chunk: read a longer one
                continue
            }
            var scanner = CSVScanner(bytes: UnsafeBufferPointer(rebasing: window[0..<usable]), file: source.file, line: line)
            scanner.delimiter = delimiter
            let rowsBefore = row
            while true {
                if row == capacity {
                    values.reserve(rows: row + 1)
                    base = values.base
                    capacity = values.capacity
                }
                let slot = base + row * width
                // Plain numeric records are parsed in place; anything else goes through the general scanner.
                let recordLine = scanner.line
                if let start = scanner.nextNumericRecord(width: width, into: slot) {
                    if row % CSVRows.checkpointInterval == 0 {
                        checkpoints.append(CSVRowPlace(line: recordLine, start: offset + start))
                    }
                    row += 1
                    fastRows += 1
                    continue
                }
                let before = scanner
                let record: CSVRecord
                do {
                    guard let next = try scanner.nextRecord(into: &fields) else { break }
                    record = next
                } catch CSVError.unterminatedQuote(let at) {
                    // A quoted line break the cut split: read the record again with the next chunk.
                    if isLast { throw CSVError.unterminatedQuote(at) }
                    scanner = before
                    break
                }
                guard fields.count == width else {
                    let column = fields.count > width
                        ? scanner.column(of: fields[width].start, lineStart: fields[width].lineStart)
                        : scanner.column(of: record.end, lineStart: record.endLineStart)
                    throw CSVError.raggedRow(
                        .init(file: source.file, line: record.line, column: column), fields: fields.count, expected: width)
                }
                if row % CSVRows.checkpointInterval == 0 {
                    checkpoints.append(CSVRowPlace(line: record.line, start: offset + record.start))
                }
                for c in 0..<width {
                    slot[c] = try CSVRows.readCell(fields[c], counting: &columns[c], row: row, record: record, scanner: scanner)
                }
                row += 1
            }
            if scanner.index == 0 && !isLast {
                chunk *= 2  // one record longer than the chunk: read a longer one
                continue
            }
            offset += scanner.index
            line = scanner.line
            progress?.add(bytes: scanner.index, rows: row - rowsBefore)
            if isLast { break }
        }
        values.rowCount = row
        for c in 0..<width { columns[c].numberCount += fastRows }
        nextLine = line
        end = range.upperBound
    }

    /// How much of a chunk ends in whole lines: just past its last line feed, or past its last carriage return
    /// when that is not the chunk's last byte (a CRLF is never cut); 0 when there is neither.
    static func cut(_ window: UnsafeBufferPointer<UInt8>) -> Int {
        var i = window.count - 1
        while i >= 0 {
            if window[i] == CSVScanner.lf { return i + 1 }
            if window[i] == CSVScanner.cr && i < window.count - 1 { return i + 1 }
            i -= 1
        }
        return 0
    }

    /// The value of one cell read by the general scanner (NaN when it is not a finite number), counted.
    private static func readCell(
        _ field: CSVField, counting column: inout CSVColumn, row: Int, record: CSVRecord, scanner: CSVScanner
    ) throws -> Double {
        if !field.quoted, let value = DecimalNumberParser.parse(scanner.trimmedBytes(of: field)), value.isFinite {
            column.numberCount += 1
            return value
        }
        guard let text = scanner.text(of: field) else {
            throw CSVError.notUTF8(scanner.position(of: field, inRecordStartingAt: record))
        }
        let cell = CellNumber(Substring(text))
        if case .value(let value) = cell {
            column.numberCount += 1
            return value
        }
        if column.firstProblemRow == nil { column.firstProblemRow = row }
        switch cell {
        case .notFinite: column.numberCount += 1
        case .notANumber: column.textCount += 1
        case .missing, .value: break
        }
        return .nan
    }

    /// Reads each range on its own thread (lines counted from 1 in each); the first error thrown, if any.
    static func readInParallel(
        source: FileBytes, delimiter: UInt8, width: Int, ranges: [Range<Int>], chunkBytes: Int = CSVRows.chunkBytes,
        progress: CSVReadProgress? = nil
    ) throws -> [CSVRows] {
        // The parts' results, each written once by its own thread.
        let results = Locked([Result<CSVRows, any Error>?](repeating: nil, count: ranges.count))
        DispatchQueue.concurrentPerform(iterations: ranges.count) { part in
            let result = Result {
                try CSVRows(
                    source: source, delimiter: delimiter, width: width, range: ranges[part], firstLine: 1, chunkBytes: chunkBytes,
                    progress: progress)
            }
            results.withLock { $0[part] = result }
        }
        return try results.withLock { $0 }.map { try $0!.get() }
    }
}

/// Where a data row starts: its first line and byte offset.
struct CSVRowPlace: Sendable {
    var line: Int
    var start: Int
}
