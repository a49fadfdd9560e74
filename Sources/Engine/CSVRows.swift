// The data rows of a CSV file read into numeric columns, on one thread or split in two at a line end.
import Dispatch
import Foundation

/// Columns of numbers with where each row starts, for a byte range of data rows.
struct CSVRows {
    var columns: [CSVColumn]
    /// 1-based line on which each row starts.
    var lines: [Int]
    /// Byte offset at which each row starts.
    var starts: [Int]
    /// The line just after the range.
    var nextLine: Int

    /// Reads the records in `range` (which starts at a record's start, on line `firstLine`).
    init(
        bytes: UnsafeBufferPointer<UInt8>, file: String, delimiter: UInt8, width: Int, range: (Int, Int), firstLine: Int
    ) throws {
        var scanner = CSVScanner(bytes: UnsafeBufferPointer(rebasing: bytes[0..<range.1]), file: file, start: range.0, line: firstLine)
        scanner.delimiter = delimiter
        var fields = [CSVField]()
        columns = [CSVColumn](repeating: CSVColumn(), count: width)
        // A guess at the row count from the header's width keeps the arrays from regrowing many times.
        let estimate = (range.1 - range.0) / max(16, 8 * width)
        for c in 0..<width { columns[c].values.reserveCapacity(estimate) }
        lines = []
        starts = []
        lines.reserveCapacity(estimate)
        starts.reserveCapacity(estimate)
        var numbers = [Double](repeating: 0, count: max(1, width))
        while true {
            // Plain numeric records are parsed in place; anything else goes through the general scanner.
            let numeric = numbers.withUnsafeMutableBufferPointer { scanner.nextNumericRecord(width: width, into: $0.baseAddress!) }
            if let numeric {
                for c in 0..<width {
                    columns[c].values.append(numbers[c])
                    columns[c].numberCount += 1
                }
                lines.append(numeric.line)
                starts.append(numeric.start)
                continue
            }
            guard let record = try scanner.nextRecord(into: &fields) else { break }
            guard fields.count == width else {
                let column = fields.count > width
                    ? scanner.column(of: fields[width].start, lineStart: fields[width].lineStart)
                    : scanner.column(of: record.end, lineStart: record.endLineStart)
                throw DataError.raggedRow(.init(file: file, line: record.line, column: column), fields: fields.count, expected: width)
            }
            let row = lines.count
            for c in 0..<width {
                let field = fields[c]
                if !field.quoted, let value = DecimalNumberParser.parse(scanner.trimmedBytes(of: field)), value.isFinite {
                    columns[c].values.append(value)
                    columns[c].numberCount += 1
                    continue
                }
                guard let text = scanner.text(of: field) else {
                    throw DataError.unreadableFile(.init(file: file), reason: "it is not UTF-8 text")
                }
                let cell = CellNumber(Substring(text))
                if case .value(let value) = cell {
                    columns[c].values.append(value)
                    columns[c].numberCount += 1
                    continue
                }
                columns[c].values.append(.nan)
                if columns[c].firstProblemRow == nil { columns[c].firstProblemRow = row }
                switch cell {
                case .notFinite: columns[c].numberCount += 1
                case .notANumber: columns[c].textCount += 1
                case .missing, .value: break
                }
            }
            lines.append(record.line)
            starts.append(record.start)
        }
        nextLine = scanner.line
    }

    /// Reads each range on its own thread (line numbers counted from 1 in each, then shifted) and joins them.
    static func readInParallel(
        bytes: UnsafeBufferPointer<UInt8>, file: String, delimiter: UInt8, width: Int, ranges: [(Int, Int)], firstLine: Int
    ) throws -> CSVRows {
        let results = PartialRows(count: ranges.count)
        let shared = SharedBytes(bytes: bytes)
        DispatchQueue.concurrentPerform(iterations: ranges.count) { part in
            let result = Result {
                try CSVRows(bytes: shared.bytes, file: file, delimiter: delimiter, width: width, range: ranges[part], firstLine: 1)
            }
            results.store(part, result)
        }
        var joined = try results.value(0)
        joined.shiftLines(by: firstLine - 1)
        for part in 1..<ranges.count {
            var next = try results.value(part)
            next.shiftLines(by: joined.nextLine - 1)
            joined.append(next)
        }
        return joined
    }

    private mutating func shiftLines(by offset: Int) {
        if offset != 0 { for k in lines.indices { lines[k] += offset } }
        nextLine += offset
    }

    private mutating func append(_ next: CSVRows) {
        let offset = lines.count
        for c in columns.indices {
            columns[c].values += next.columns[c].values
            columns[c].numberCount += next.columns[c].numberCount
            columns[c].textCount += next.columns[c].textCount
            if columns[c].firstProblemRow == nil, let row = next.columns[c].firstProblemRow {
                columns[c].firstProblemRow = offset + row
            }
        }
        lines += next.lines
        starts += next.starts
        nextLine = next.nextLine
    }
}

/// The file's bytes, read (never written) by both threads.
private struct SharedBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
}

/// The parts' results, each written once by its own thread, under a lock.
private final class PartialRows: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<CSVRows, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ part: Int, _ result: Result<CSVRows, any Error>) {
        lock.withLock { slots[part] = result }
    }

    func value(_ part: Int) throws -> CSVRows {
        try lock.withLock { slots[part]! }.get()
    }
}
