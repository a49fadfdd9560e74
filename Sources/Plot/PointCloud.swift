// Train and test points drawn as density on a canvas: the layer the predicted-vs-actual and fit charts share.

/// Bins two point sets per cell and draws them: braille dots (bold where dense) or a density ramp for train,
/// whole `×`-ramp cells for test over them, so a monochrome screen still tells the sets apart by shape.
struct PointCloud {
    var trainXs: [Double]
    var trainYs: [Double]
    var testXs: [Double]
    var testYs: [Double]
    /// Train points as whole-cell markers (`•`) even in braille mode: few points read apart from a line drawn
    /// in braille through them.
    var trainAsMarkers = false

    static let trainRamp: [Character] = ["·", "•", "●", "█"]
    static let trainRampASCII: [Character] = [".", "o", "O", "@"]
    static let testRamp: [Character] = ["×", "X", "#", "#"]
    static let testRampASCII: [Character] = ["x", "X", "#", "#"]

    /// The legend entries for the two sets (test only when it has points).
    static func legend(mode: RenderMode, hasTest: Bool, trainAsMarkers: Bool = false) -> [LegendEntry] {
        let unicode = mode.usesUnicode
        var entries = [LegendEntry(
            symbol: mode == .braille && !trainAsMarkers ? "⠶" : String((unicode ? trainRamp : trainRampASCII)[1]), name: "train",
            role: .scatterTrain)]
        if hasTest {
            entries.append(LegendEntry(symbol: String((unicode ? testRamp : testRampASCII)[0]), name: "test", role: .scatterTest))
        }
        return entries
    }

    /// Draws the points on `canvas` (sized to the plot) and returns the plot cells (row-major) that are dense
    /// train dots, to be made bold once the canvas is in the buffer.
    func draw(on canvas: inout DotCanvas, xAxis: Axis, yAxis: Axis) -> [Int] {
        let mode = canvas.mode, columns = canvas.columns, rows = canvas.rows
        let unicode = mode.usesUnicode
        let dotsAsTrain = mode == .braille && !trainAsMarkers
        let smallest = trainAsMarkers && unicode ? 1 : 0
        let trainGrid = DensityGrid(
            xs: trainXs, ys: trainYs, xAxis: xAxis, yAxis: yAxis, mode: mode, columns: columns, rows: rows,
            recordsDots: dotsAsTrain)
        let testGrid = DensityGrid(
            xs: testXs, ys: testYs, xAxis: xAxis, yAxis: yAxis, mode: mode, columns: columns, rows: rows, recordsDots: false)
        let trainLevels = ScatterPlot.levels(trainGrid.counts), testLevels = ScatterPlot.levels(testGrid.counts)
        let trainRamp = unicode ? Self.trainRamp : Self.trainRampASCII
        let testRamp = unicode ? Self.testRamp : Self.testRampASCII
        var bold: [Int] = []
        for row in 0..<rows {
            for column in 0..<columns {
                let i = row * columns + column
                if dotsAsTrain {
                    canvas.merge(pattern: trainGrid.patterns[i], column: column, row: row, role: .scatterTrain, marker: ".")
                }
                if testLevels[i] >= 0 {
                    let level = Int(testLevels[i])
                    canvas.overlay(column: column, row: row, cell: Cell(
                        testRamp[level], role: .scatterTest, attributes: level == 3 ? .bold : []))
                } else if trainLevels[i] >= 0 {
                    if dotsAsTrain {
                        // Braille dots show where; bold shows how many.
                        if trainLevels[i] >= 2 { bold.append(i) }
                    } else {
                        let level = max(smallest, Int(trainLevels[i]))
                        canvas.overlay(column: column, row: row, cell: Cell(
                            trainRamp[level], role: .scatterTrain, attributes: level == 3 ? .bold : []))
                    }
                }
            }
        }
        return bold
    }

    /// Makes the `bold` cells of `plot` bold in the buffer.
    static func embolden(_ bold: [Int], plot: Rect, in buffer: inout Buffer) {
        guard plot.width > 0 else { return }
        for i in bold { buffer[plot.x + i % plot.width, plot.y + i / plot.width].attributes.insert(.bold) }
    }
}
