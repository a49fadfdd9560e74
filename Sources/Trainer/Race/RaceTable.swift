// The race's weights table: its columns, and how the weights wrap onto more lines when one line is too narrow.

/// The columns of "Weights per method": method, lr, step and train MSE, then every weight and the intercept.
/// None is dropped for width: when they do not fit on one line the weights narrow to compact numbers and wrap
/// onto further lines, which start under the lr column (the method's name stays alone on the left).
struct RaceTable {
    let labelWidth: Int
    let fixed: [(title: String, width: Int)]
    let weightWidth: Int
    /// The parameter indices on each line of a contestant (the first line's follow the fixed columns).
    let lines: [[Int]]

    /// - Parameters: `width`: the row's cells (inside the frame and its margins); `parameters`: weights and intercept.
    init(width: Int, labels: [String], parameters: Int) {
        // Wide enough for every label: "mini-batch 256" cut to "mini-batch 25" would name another race.
        labelWidth = max(14, (labels.map(\.count).max() ?? 0) + 1)
        fixed = [("method", labelWidth), ("lr", 9), ("step", 8), ("train MSE", 11)]
        let fixedWidth = fixed.reduce(0) { $0 + $1.width }
        let wide = 10
        if parameters <= max(0, (width - fixedWidth) / wide) {
            weightWidth = wide
            lines = [Array(0..<parameters)]
            return
        }
        weightWidth = 8
        let first = max(0, (width - fixedWidth) / weightWidth), next = max(1, (width - labelWidth) / weightWidth)
        var lines = [Array(0..<min(first, parameters))]
        var start = lines[0].count
        while start < parameters {
            lines.append(Array(start..<min(parameters, start + next)))
            start += next
        }
        self.lines = lines
    }

    /// The x offset (from the row's start) of line `line`'s first weight.
    func weightStart(line: Int) -> Int { line == 0 ? fixed.reduce(0) { $0 + $1.width } : labelWidth }
}
