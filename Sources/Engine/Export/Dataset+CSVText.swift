// A data set's rows as CSV text with a header, the file `descent FILE.csv` reads back (edited points).

extension Dataset {
    /// The input columns (the base feature of a `--poly` data set, not its powers) then the target, one row
    /// per line, each number as the shortest text that reads back to the same Double.
    public func csvText() -> String {
        let names = (polynomialBase?.names ?? featureNames) + [targetName]
        let values = polynomialBase?.values ?? x
        let k = names.count - 1
        var text = names.map(RunExport.csvField).joined(separator: ",") + "\n"
        text.reserveCapacity(rowCount * 24 * (k + 1))
        for i in 0..<rowCount {
            for j in 0..<k { text += RunExport.cell(values[i * k + j]) + "," }
            text += RunExport.cell(y[i]) + "\n"
        }
        return text
    }
}
