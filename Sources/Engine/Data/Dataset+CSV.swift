// Turning a parsed CSV table into a Dataset: choosing the target and features, parsing numbers.
import CSVReader
import MessageText

extension Dataset {
    /// A data set from a CSV table, with notices about skipped columns.
    /// - Parameters:
    ///   - target: the target column (default: the last column).
    ///   - features: feature columns in the order given (default: every other numeric column, in file order).
    public static func fromCSV(
        _ table: CSVTable, target: String? = nil, features: [String]? = nil
    ) throws -> (dataset: Dataset, notices: [String]) {
        do { return try choose(table, target: target, features: features) } catch let error as CSVError {
            throw DataError.csv(error)
        }
    }

    private static func choose(
        _ table: CSVTable, target: String?, features: [String]?
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
                throw DataError.invalidOption(option: "--features", reason: "'\(duplicate.escapedForMessage)' is listed twice")
            }
            if featureIndices.contains(targetIndex) {
                throw DataError.invalidOption(
                    option: "--features", reason: "'\(header[targetIndex].escapedForMessage)' is the target; it cannot also be a feature")
            }
        } else {
            var chosen: [Int] = []
            for c in header.indices where c != targetIndex {
                if table.looksNumeric(column: c) {
                    chosen.append(c)
                } else {
                    notices.append("\(DataError.Position(file: table.file)): skipped the non-numeric column '\(header[c].escapedForMessage)'")
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
