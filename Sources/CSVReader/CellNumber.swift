// What a CSV cell holds, as far as a numeric column is concerned.

/// A cell's text classified: a finite number, or the reason it is not one.
enum CellNumber: Equatable {
    case value(Double)
    /// Empty, NA, N/A, null, None, … (the user should fill it in or drop the row).
    case missing
    /// NaN or an infinity, written out or overflowing.
    case notFinite
    case notANumber

    private static let missingMarkers: Set<String> = ["", "na", "n/a", "null", "none", "-", "?", "#n/a"]

    /// Classifies `text`; decimal notation only (no hex floats), surrounding spaces ignored. The value is
    /// exactly `Double(text)` (`DecimalNumberParser` is correctly rounded).
    init(_ raw: Substring) {
        let text = raw.trimmingASCIISpaces()
        let parsed = Array(text.utf8).withUnsafeBufferPointer { DecimalNumberParser.parse($0) }
        if let number = parsed {
            self = number.isFinite ? .value(number) : .notFinite
            return
        }
        let lower = text.lowercased()
        if CellNumber.missingMarkers.contains(lower) { self = .missing; return }
        let unsigned = lower.hasPrefix("+") || lower.hasPrefix("-") ? String(lower.dropFirst()) : lower
        if ["nan", "inf", "infinity"].contains(unsigned) { self = .notFinite; return }
        self = .notANumber
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingASCIISpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
