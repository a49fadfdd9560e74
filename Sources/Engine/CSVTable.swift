// A parsed CSV file: the header, every column read as numbers, and where each row starts for messages.
import Foundation

/// The cells of a delimited text file, read in one pass. Handles a UTF-8 BOM, CRLF or LF line ends, quoted
/// fields (with `""` for a quote and line breaks inside quotes) and detects the delimiter.
///
/// Numbers are parsed while the file is split (plain decimals by `DecimalNumberParser`, correctly rounded),
/// so no text is kept per cell: a cell's text and character column are found again from its row's start when
/// a message or a caller needs them.
public struct CSVTable: Sendable {
    /// The file name used in messages.
    public var file: String
    public var delimiter: UInt8
    public var header: [String]
    public var columns: [CSVColumn]
    /// 1-based line on which each data row starts.
    public var rowLines: [Int]
    /// Byte offset (in `bytes`) at which each data row starts.
    private var rowStarts: [Int]
    private let bytes: Data

    public var rowCount: Int { rowLines.count }

    /// Reads and parses a file; `file` is the path as the user typed it.
    public static func read(path: String) throws -> CSVTable {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataError.missingFile(.init(file: path))
        }
        if isDirectory.boolValue { throw DataError.unreadableFile(.init(file: path), reason: "it is a directory") }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw DataError.unreadableFile(.init(file: path), reason: error.localizedDescription)
        }
        return try parse(data, file: path)
    }

    /// Parses the bytes of a delimited text file.
    public static func parse(_ data: Data, file: String) throws -> CSVTable {
        try data.withUnsafeBytes { raw in
            try parse(bytes: raw.bindMemory(to: UInt8.self), data: data, file: file)
        }
    }

    private static func notUTF8(_ file: String) -> DataError {
        DataError.unreadableFile(.init(file: file), reason: "it is not UTF-8 text")
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>, data: Data, file: String) throws -> CSVTable {
        let bodyStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var scanner = CSVScanner(bytes: bytes, file: file, start: bodyStart)
        scanner.delimiter = scanner.detectDelimiter()
        var fields = [CSVField]()
        guard let headerRecord = try scanner.nextRecord(into: &fields) else { throw DataError.emptyFile(.init(file: file)) }

        var header: [String] = []
        for (index, field) in fields.enumerated() {
            guard var name = scanner.text(of: field)?.trimmingCharacters(in: .whitespaces) else { throw notUTF8(file) }
            if name.isEmpty { name = "column\(index + 1)" }
            if header.contains(name) {
                throw DataError.duplicateColumn(
                    .init(file: file, line: headerRecord.line, column: scanner.column(of: field.start, lineStart: field.lineStart)),
                    name: name)
            }
            header.append(name)
        }

        let width = header.count
        let rowsStart = scanner.index, firstLine = scanner.line
        // Without quotes every line end ends a record, so the rows can be split in two at a line end and read
        // on two threads. Any error, or any quote, and the rows are read again in one piece, so messages do
        // not depend on the split.
        let hasQuotes = memchr(bytes.baseAddress! + rowsStart, Int32(CSVScanner.quote), bytes.count - rowsStart) != nil
        var middle = rowsStart + (bytes.count - rowsStart) / 2
        while middle < bytes.count && bytes[middle] != CSVScanner.lf { middle += 1 }
        middle = min(bytes.count, middle + 1)
        let rows: CSVRows
        if !hasQuotes && bytes.count - rowsStart >= parallelBytes && middle < bytes.count,
            let halves = try? CSVRows.readInParallel(
                bytes: bytes, file: file, delimiter: scanner.delimiter, width: width,
                ranges: [(rowsStart, middle), (middle, bytes.count)], firstLine: firstLine)
        {
            rows = halves
        } else {
            rows = try CSVRows(
                bytes: bytes, file: file, delimiter: scanner.delimiter, width: width, range: (rowsStart, bytes.count),
                firstLine: firstLine)
        }
        if rows.lines.isEmpty { throw DataError.headerOnly(.init(file: file)) }
        if rows.lines.count < 2 { throw DataError.tooFewRows(.init(file: file), rows: rows.lines.count) }
        return CSVTable(
            file: file, delimiter: scanner.delimiter, header: header, columns: rows.columns, rowLines: rows.lines,
            rowStarts: rows.starts, bytes: data)
    }

    /// Files smaller than this are read on one thread.
    static let parallelBytes = 1 << 20

    /// The cells of data row `row` (0-based): their text (quotes removed) and the place each starts.
    public func cells(ofRow row: Int) -> [(text: String, place: DataError.Position)] {
        bytes.withUnsafeBytes { raw in
            var scanner = CSVScanner(bytes: raw.bindMemory(to: UInt8.self), file: file, start: rowStarts[row], line: rowLines[row])
            scanner.delimiter = delimiter
            var fields = [CSVField]()
            var cells: [(text: String, place: DataError.Position)] = []
            guard (try? scanner.nextRecord(into: &fields)) != nil else { return cells }
            var line = rowLines[row], lineStart = rowStarts[row]
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
    }

    /// The text of one cell (quotes removed), found again from its row.
    public func text(row: Int, column: Int) -> String {
        cells(ofRow: row)[column].text
    }
}
