// libFuzzer entry for the CSV reader: any bytes must load or fail with one placed line, the same in one piece or in chunks.
@testable import CSVReader
import Foundation

/// Whether two outcomes of reading the same bytes agree: the same error text, or tables with the same header,
/// rows, values (bit for bit) and cells.
private func sameOutcome(_ a: Result<CSVTable, any Error>, _ b: Result<CSVTable, any Error>) -> Bool {
    switch (a, b) {
    case (.failure(let x), .failure(let y)): return "\(x)" == "\(y)"
    case (.success(let x), .success(let y)):
        guard x.header == y.header, x.rowCount == y.rowCount, x.delimiter == y.delimiter else { return false }
        for c in x.header.indices where x.values(column: c).map(\.bitPattern) != y.values(column: c).map(\.bitPattern) {
            return false
        }
        for row in [0, x.rowCount / 2, x.rowCount - 1] {
            guard let cx = try? x.cells(ofRow: row), let cy = try? y.cells(ofRow: row) else { return false }
            if cx.map(\.text) != cy.map(\.text) || cx.map(\.place) != cy.map(\.place) { return false }
        }
        return true
    default: return false
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let whole = Result { try CSVTable.parse(data, file: "fuzz.csv") }
    // Every message is one line and quotes no control character.
    if case .failure(let error) = whole {
        let message = "\(error)"
        precondition(error is CSVError, "not a CSVError: \(message)")
        precondition(!message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "raw control byte: \(message)")
    }
    if case .success(let table) = whole {
        precondition(table.rowCount >= 2 && !table.header.isEmpty)
        for c in table.header.indices {
            // A column's first bad cell is reported with its place, or every value is finite.
            do {
                let numbers = try table.numbers(column: c)
                precondition(numbers.count == table.rowCount && numbers.allSatisfy(\.isFinite))
            } catch {
                let message = "\(error)"
                precondition(message.hasPrefix("fuzz.csv:") && !message.contains("\n"), message)
            }
        }
        let cells = (try? table.cells(ofRow: table.rowCount - 1)) ?? []
        precondition(cells.count == table.header.count, "the last row has \(cells.count) cells")
    }
    // The same bytes read in small chunks (cuts inside records) give the same outcome.
    let chunk = 1 + Int(count > 0 ? start[0] % 61 : 0)
    let chunked = Result { try CSVTable.parse(data, file: "fuzz.csv", chunkBytes: chunk) }
    precondition(sameOutcome(whole, chunked), "chunks of \(chunk) bytes disagree with one piece")
    return 0
}
