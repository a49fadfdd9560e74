// A parsed CSV file: header names and the raw text of every cell, with where each row starts.
import Foundation

/// The cells of a delimited text file, before any number parsing. Handles a UTF-8 BOM, CRLF or LF line
/// ends, quoted fields (with `""` for a quote and line breaks inside quotes) and detects the delimiter.
public struct CSVTable: Sendable {
    /// The file name used in messages.
    public var file: String
    public var delimiter: UInt8
    public var header: [String]
    /// Column-major cells: `columns[c][r]` is the text of data row r in column c.
    public var columns: [[Substring]]
    /// 1-based line on which each data row starts.
    public var rowLines: [Int]
    /// 1-based character column at which each cell starts: `cellColumns[c][r]`.
    public var cellColumns: [[Int32]]

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
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DataError.unreadableFile(.init(file: file), reason: "it is not UTF-8 text")
        }
        var reader = CSVRecordReader(text: text, file: file)
        reader.delimiter = reader.detectDelimiter()
        guard let headerRecord = try reader.nextRecord() else { throw DataError.emptyFile(.init(file: file)) }

        var header: [String] = []
        for (index, field) in headerRecord.fields.enumerated() {
            var name = field.text.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { name = "column\(index + 1)" }
            if header.contains(name) {
                throw DataError.duplicateColumn(
                    .init(file: file, line: headerRecord.line, column: field.column), name: name)
            }
            header.append(name)
        }

        var columns = [[Substring]](repeating: [], count: header.count)
        var cellColumns = [[Int32]](repeating: [], count: header.count)
        var rowLines: [Int] = []
        while let record = try reader.nextRecord() {
            guard record.fields.count == header.count else {
                let column = record.fields.count > header.count
                    ? record.fields[header.count].column : record.endColumn
                throw DataError.raggedRow(
                    .init(file: file, line: record.line, column: column),
                    fields: record.fields.count, expected: header.count)
            }
            for (c, field) in record.fields.enumerated() {
                columns[c].append(field.text)
                cellColumns[c].append(Int32(clamping: field.column))
            }
            rowLines.append(record.line)
        }
        if rowLines.isEmpty { throw DataError.headerOnly(.init(file: file)) }
        if rowLines.count < 2 { throw DataError.tooFewRows(.init(file: file), rows: rowLines.count) }
        return CSVTable(
            file: file, delimiter: reader.delimiter, header: header, columns: columns, rowLines: rowLines,
            cellColumns: cellColumns)
    }
}
