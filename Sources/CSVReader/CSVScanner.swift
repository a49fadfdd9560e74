// Splits the bytes of a delimited text file into records of fields, tracking lines; no allocation per record.

/// One field of a record as a byte range of the file, with where its line starts (for character columns).
struct CSVField {
    /// First byte of the field (the opening quote for a quoted field).
    var start: Int
    /// Just past the field's last byte (the delimiter or line end that closes it).
    var end: Int
    /// First byte of the line the field starts on.
    var lineStart: Int
    var quoted: Bool
}

/// Where a record starts and ends: its first line, first byte, and the byte (and its line's start) that ends it.
typealias CSVRecord = (line: Int, start: Int, end: Int, endLineStart: Int)

/// A forward-only tokenizer over UTF-8 bytes: comma, semicolon or tab separated, quoted fields with `""` for a
/// quote and line breaks inside quotes, CRLF, LF or lone CR line ends, blank lines skipped.
struct CSVScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    var delimiter: UInt8 = UInt8(ascii: ",")
    private(set) var index: Int
    private(set) var line = 1
    private var lineStart: Int

    static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    init(bytes: UnsafeBufferPointer<UInt8>, file: String, start: Int = 0, line: Int = 1) {
        self.bytes = bytes
        self.file = file
        index = start
        lineStart = start
        self.line = line
    }

    /// The most frequent of comma, semicolon and tab on the first line, outside quotes (comma on a tie or none),
    /// and whether that line ended within the bytes (else a longer read may count more).
    func detectDelimiter() -> (delimiter: UInt8, lineEnded: Bool) {
        var comma = 0, semicolon = 0, tab = 0
        var inQuotes = false, lineEnded = false
        var i = index
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            if byte == CSVScanner.quote { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if byte == CSVScanner.lf || byte == CSVScanner.cr { lineEnded = true; break }
            if byte == UInt8(ascii: ",") { comma += 1 }
            if byte == UInt8(ascii: ";") { semicolon += 1 }
            if byte == UInt8(ascii: "\t") { tab += 1 }
        }
        var best = UInt8(ascii: ","), bestCount = comma
        if semicolon > bestCount { best = UInt8(ascii: ";"); bestCount = semicolon }
        if tab > bestCount { best = UInt8(ascii: "\t") }
        return (best, lineEnded)
    }

    /// Character column (1-based) of byte `position` on the line starting at `lineStart`.
    func column(of position: Int, lineStart: Int) -> Int {
        var count = 1
        var i = lineStart
        while i < position {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    /// The file:line:column where `field` of `record` starts (lines counted through quoted line breaks).
    func position(of field: CSVField, inRecordStartingAt record: CSVRecord) -> CSVPosition {
        var line = record.line, i = record.start
        while i < field.lineStart {
            if bytes[i] == CSVScanner.lf { line += 1 }
            i += 1
        }
        return CSVPosition(file: file, line: line, column: column(of: field.start, lineStart: field.lineStart))
    }

    /// Reads the next non-blank record into `fields` (emptied first). Returns the record's first line, the byte
    /// where it starts, and where it ends (for "too few fields"), or nil at the end of the bytes.
    mutating func nextRecord(into fields: inout [CSVField]) throws -> CSVRecord? {
        let count = bytes.count, delimiter = self.delimiter
        while index < count {
            fields.removeAll(keepingCapacity: true)
            let recordLine = line, recordStart = index
            while true {
                let fieldStart = index, fieldLineStart = lineStart
                var quoted = false
                if index < count && bytes[index] == CSVScanner.quote {
                    quoted = true
                    let openLine = line
                    index += 1
                    var closed = false
                    while index < count {
                        let byte = bytes[index]
                        if byte == CSVScanner.quote {
                            if index + 1 < count && bytes[index + 1] == CSVScanner.quote {
                                index += 2
                                continue
                            }
                            index += 1
                            closed = true
                            break
                        }
                        if byte == CSVScanner.lf {
                            line += 1
                            lineStart = index + 1
                        }
                        index += 1
                    }
                    if !closed {
                        throw CSVError.unterminatedQuote(
                            .init(file: file, line: openLine, column: column(of: fieldStart, lineStart: fieldLineStart)))
                    }
                }
                // The rest of the field (all of it, unquoted; anything after the closing quote, quoted).
                while index < count {
                    let byte = bytes[index]
                    if byte == delimiter || byte == CSVScanner.lf || byte == CSVScanner.cr { break }
                    index += 1
                }
                fields.append(CSVField(start: fieldStart, end: index, lineStart: fieldLineStart, quoted: quoted))
                if index < count && bytes[index] == delimiter {
                    index += 1
                } else {
                    break
                }
            }
            let end = index, endLineStart = lineStart
            // Consume the line end: CRLF, LF or a lone CR.
            if index < count && bytes[index] == CSVScanner.cr { index += 1 }
            if index < count && bytes[index] == CSVScanner.lf { index += 1 }
            line += 1
            lineStart = index
            if fields.count == 1 && !fields[0].quoted && isBlank(fields[0]) { continue }
            return (recordLine, recordStart, end, endLineStart)
        }
        return nil
    }

    /// Reads the next record when it is exactly `width` plain numbers (no spaces, no quotes) separated by the
    /// delimiter and ended by a line end or the end of the bytes, writing them to `values`: the common case,
    /// parsed in place in one pass. Returns the byte where the record starts. Otherwise leaves the position
    /// unchanged and returns nil (`values` may be partly written), and the caller reads the record with
    /// `nextRecord`, which gives the same numbers for such a record.
    @inline(__always)
    mutating func nextNumericRecord(width: Int, into values: UnsafeMutablePointer<Double>) -> Int? {
        let delimiter = self.delimiter
        guard let base = bytes.baseAddress else { return nil }
        let end = base + bytes.count
        var p = base + index
        for c in 0..<width {
            guard let (value, numberEnd) = DecimalNumberParser.prefix(p, end: end) else { return nil }
            values[c] = value
            p = numberEnd
            if c < width &- 1 {
                guard p < end, p.pointee == delimiter else { return nil }
                p += 1
            } else {
                guard p == end || p.pointee == CSVScanner.lf || p.pointee == CSVScanner.cr else { return nil }
            }
        }
        let start = index
        if p < end && p.pointee == CSVScanner.cr { p += 1 }
        if p < end && p.pointee == CSVScanner.lf { p += 1 }
        index = p - base
        line += 1
        lineStart = index
        return start
    }

    private func isBlank(_ field: CSVField) -> Bool {
        var i = field.start
        while i < field.end {
            if bytes[i] != UInt8(ascii: " ") && bytes[i] != UInt8(ascii: "\t") { return false }
            i += 1
        }
        return true
    }

    /// The text of a field: quotes removed and `""` turned into `"` for a quoted field. Nil when the bytes are
    /// not UTF-8.
    func text(of field: CSVField) -> String? {
        guard field.quoted else { return String(validating: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self) }
        var content = [UInt8]()
        var i = field.start + 1
        while i < field.end {
            if bytes[i] == CSVScanner.quote {
                if i + 1 < field.end && bytes[i + 1] == CSVScanner.quote {
                    content.append(CSVScanner.quote)
                    i += 2
                    continue
                }
                // The closing quote: what follows it up to the delimiter is kept (e.g. spaces).
                content.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<field.end]))
                break
            }
            content.append(bytes[i])
            i += 1
        }
        return String(validating: content, as: UTF8.self)
    }

    /// The field's bytes without surrounding spaces and tabs (unquoted fields only).
    func trimmedBytes(of field: CSVField) -> UnsafeBufferPointer<UInt8> {
        var start = field.start, end = field.end
        while start < end && (bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t")) { start += 1 }
        while end > start && (bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t")) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }
}
