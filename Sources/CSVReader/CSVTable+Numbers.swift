// A CSV table's columns as numbers: whether a column is numeric, and the error for its first bad cell.

extension CSVTable {
    /// Whether a column holds numbers in most of its non-missing cells (a numeric column with a few bad
    /// cells is still used, so the bad cells get reported instead of the column silently vanishing).
    public func looksNumeric(column c: Int) -> Bool {
        columns[c].numberCount > columns[c].textCount
    }

    /// Every cell of a column as a finite Double, or the error for the first cell that is not one.
    public func numbers(column c: Int) throws -> [Double] {
        try checkNumbers(column: c)
        return values(column: c)
    }

    /// Throws the error for the first cell of column `c` that is not a finite number, if there is one.
    public func checkNumbers(column c: Int) throws {
        guard let row = columns[c].firstProblemRow else { return }
        let cell = try cells(ofRow: row)[c]
        let text = String(Substring(cell.text).trimmingASCIISpaces())
        switch CellNumber(Substring(cell.text)) {
        case .missing: throw CSVError.missingValue(cell.place, column: header[c], text: text)
        case .notFinite: throw CSVError.notFinite(cell.place, column: header[c], text: text)
        case .notANumber, .value: throw CSVError.notANumber(cell.place, column: header[c], text: text)
        }
    }
}
