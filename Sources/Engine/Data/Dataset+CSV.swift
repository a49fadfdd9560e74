// Turning a parsed CSV table into a Dataset: choosing the target and features, parsing numbers.

extension Dataset {
    /// A data set from a CSV table, with notices about skipped columns.
    /// - Parameters:
    ///   - target: the target column (default: the last column).
    ///   - features: feature columns in the order given (default: every other numeric column, in file order).
    public static func fromCSV(
        _ table: CSVTable, target: String? = nil, features: [String]? = nil
    ) throws -> (dataset: Dataset, notices: [String]) {
        let header = table.header
        let headerPlace = DataError.Position(file: table.file, line: 1)
        func index(of name: String, option: String) throws -> Int {
            guard let found = header.firstIndex(of: name) else {
                throw DataError.unknownColumn(headerPlace, option: option, name: name, available: header)
            }
            return found
        }
        let targetIndex = try target.map { try index(of: $0, option: "--target") } ?? header.count - 1

        var notices: [String] = []
        let featureIndices: [Int]
        if let features {
            featureIndices = try features.map { try index(of: $0, option: "--features") }
            if let duplicate = features.first(where: { name in features.filter { $0 == name }.count > 1 }) {
                throw DataError.invalidOption(option: "--features", reason: "'\(duplicate)' is listed twice")
            }
            if featureIndices.contains(targetIndex) {
                throw DataError.invalidOption(
                    option: "--features", reason: "'\(header[targetIndex])' is the target; it cannot also be a feature")
            }
        } else {
            var chosen: [Int] = []
            for c in header.indices where c != targetIndex {
                if table.looksNumeric(column: c) {
                    chosen.append(c)
                } else {
                    notices.append("\(table.file): skipped the non-numeric column '\(header[c])'")
                }
            }
            featureIndices = chosen
        }
        if featureIndices.isEmpty { throw DataError.noFeatures(headerPlace) }

        let n = table.rowCount, d = featureIndices.count
        try table.checkNumbers(column: targetIndex)
        for c in featureIndices { try table.checkNumbers(column: c) }
        var y: [Double] = []
        let x = HugePageArray.filled(count: n * d) { x in
            y = HugePageArray.filled(count: n) { y in
                table.copyRows(columns: featureIndices, to: x.baseAddress!, column: targetIndex, to: y.baseAddress!)
            }
        }
        let name = table.file.split(separator: "/").last.map(String.init) ?? table.file
        let dataset = Dataset(
            name: name, featureNames: featureIndices.map { header[$0] }, targetName: header[targetIndex], x: x, y: y)
        return (dataset, notices)
    }
}

extension CSVTable {
    /// Whether a column holds numbers in most of its non-missing cells (a numeric column with a few bad
    /// cells is still used, so the bad cells get reported instead of the column silently vanishing).
    func looksNumeric(column c: Int) -> Bool {
        columns[c].numberCount > columns[c].textCount
    }

    /// Every cell of a column as a finite Double, or the error for the first cell that is not one.
    func numbers(column c: Int) throws -> [Double] {
        try checkNumbers(column: c)
        return values(column: c)
    }

    /// Throws the error for the first cell of column `c` that is not a finite number, if there is one.
    func checkNumbers(column c: Int) throws {
        guard let row = columns[c].firstProblemRow else { return }
        let cell = cells(ofRow: row)[c]
        let text = String(Substring(cell.text).trimmingASCIISpaces())
        switch CellNumber(Substring(cell.text)) {
        case .missing: throw DataError.missingValue(cell.place, column: header[c], text: text)
        case .notFinite: throw DataError.notFinite(cell.place, column: header[c], text: text)
        case .notANumber, .value: throw DataError.notANumber(cell.place, column: header[c], text: text)
        }
    }
}
