// Splits CSV text into records of fields, tracking line and column for messages.

/// One field of a record: its text (quotes removed) and the character column where it starts.
struct CSVField {
    var text: Substring
    var column: Int
}

/// One logical row of a CSV file (a quoted field may span several lines).
struct CSVRecord {
    var fields: [CSVField]
    var line: Int
    /// Character column just past the last field, for "too few fields" messages.
    var endColumn: Int
}

/// A forward-only reader over CSV text, working on UTF-8 bytes for speed.
struct CSVRecordReader {
    let text: String
    let file: String
    var delimiter: UInt8 = UInt8(ascii: ",")
    private var index: String.UTF8View.Index
    private var line = 1
    private var lineStart: String.UTF8View.Index
    private var columnCursor: String.UTF8View.Index
    private var columnCount = 1

    init(text: String, file: String) {
        self.text = text
        self.file = file
        index = text.utf8.startIndex
        lineStart = index
        columnCursor = index
    }

    /// The most frequent of comma, semicolon and tab on the first line, outside quotes (comma on a tie or none).
    func detectDelimiter() -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var inQuotes = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if counts[byte] != nil { counts[byte]! += 1 }
        }
        var best = UInt8(ascii: ",")
        for candidate in [UInt8(ascii: ";"), UInt8(ascii: "\t")] where counts[candidate]! > counts[best]! {
            best = candidate
        }
        return best
    }

    /// Character column (1-based) of a position on the current line. Positions asked for only move forward
    /// within a line, so the count resumes from the last answer: linear in the line's length overall.
    private mutating func column(of position: String.UTF8View.Index) -> Int {
        let utf8 = text.utf8
        if columnCursor < lineStart || columnCursor > position {
            columnCursor = lineStart
            columnCount = 1
        }
        while columnCursor < position {
            if utf8[columnCursor] & 0xC0 != 0x80 { columnCount += 1 }
            columnCursor = utf8.index(after: columnCursor)
        }
        return columnCount
    }

    /// The next non-blank record, or nil at the end of the text.
    mutating func nextRecord() throws -> CSVRecord? {
        let utf8 = text.utf8
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        while index < utf8.endIndex {
            let recordLine = line
            var fields: [CSVField] = []
            var atRecordEnd = false
            while !atRecordEnd {
                let fieldStart = index
                let fieldColumn = column(of: fieldStart)
                var fieldText: Substring
                if index < utf8.endIndex && utf8[index] == quote {
                    // Quoted field: collect until the closing quote; "" is a literal quote.
                    let openLine = line
                    var pieces = ""
                    index = utf8.index(after: index)
                    var chunkStart = index
                    var closed = false
                    while index < utf8.endIndex {
                        let byte = utf8[index]
                        if byte == quote {
                            pieces += text[chunkStart..<index]
                            let next = utf8.index(after: index)
                            if next < utf8.endIndex && utf8[next] == quote {
                                pieces += "\""
                                index = utf8.index(after: next)
                                chunkStart = index
                                continue
                            }
                            index = next
                            closed = true
                            break
                        }
                        if byte == lf {
                            line += 1
                            lineStart = utf8.index(after: index)
                        }
                        index = utf8.index(after: index)
                    }
                    if !closed {
                        throw DataError.unterminatedQuote(.init(file: file, line: openLine, column: fieldColumn))
                    }
                    // Anything between the closing quote and the delimiter is kept (e.g. spaces).
                    let tailStart = index
                    while index < utf8.endIndex, utf8[index] != delimiter, utf8[index] != lf, utf8[index] != cr {
                        index = utf8.index(after: index)
                    }
                    pieces += text[tailStart..<index]
                    fieldText = Substring(pieces)
                } else {
                    while index < utf8.endIndex, utf8[index] != delimiter, utf8[index] != lf, utf8[index] != cr {
                        index = utf8.index(after: index)
                    }
                    fieldText = text[fieldStart..<index]
                }
                fields.append(CSVField(text: fieldText, column: fieldColumn))
                if index < utf8.endIndex && utf8[index] == delimiter {
                    index = utf8.index(after: index)
                } else {
                    atRecordEnd = true
                }
            }
            let endColumn = column(of: index)
            // Consume the line end: CRLF, LF or a lone CR.
            if index < utf8.endIndex && utf8[index] == cr { index = utf8.index(after: index) }
            if index < utf8.endIndex && utf8[index] == lf { index = utf8.index(after: index) }
            line += 1
            lineStart = index
            let blank = fields.count == 1 && fields[0].text.allSatisfy { $0 == " " || $0 == "\t" }
            if blank { continue }
            return CSVRecord(fields: fields, line: recordLine, endColumn: endColumn)
        }
        return nil
    }
}
