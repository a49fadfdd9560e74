// Golden frames and behaviour of Heatmap: shading bands, log shading, path and optimum marker.
import TestSupport
import Plot
import XCTest

final class HeatmapTests: XCTestCase {
    /// An elongated bowl with its minimum at (1, -0.5): the loss landscape of two correlated weights.
    private let bowl = ScalarGrid(xRange: -2...3, yRange: -2...1, columns: 80, rows: 40) { x, y in
        let dx = x - 1, dy = y + 0.5
        return dx * dx + 4 * dy * dy + 1.5 * dx * dy
    }

    private let descentPath: [(x: Double, y: Double)] = [(-1.8, 0.8), (-0.9, -0.6), (-0.2, 0.2), (0.4, -0.7), (0.8, -0.3), (0.95, -0.5)]

    private func render(_ map: Heatmap, width: Int, height: Int) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        map.render(into: &buffer, area: buffer.area)
        return buffer
    }

    func testBowlBraille() {
        let map = Heatmap(title: "Loss landscape", grid: bowl, path: descentPath, marker: (1, -0.5))
        golden.assertMatches(render(map, width: 56, height: 18), named: "heatmap-braille")
    }

    func testBowlASCIILog() {
        let map = Heatmap(title: "Loss landscape (log)", grid: bowl, logScale: true, path: descentPath,
                          marker: (1, -0.5), mode: .ascii)
        golden.assertMatches(render(map, width: 56, height: 18), named: "heatmap-ascii-log")
    }

    func testRolesFollowValue() {
        let grid = ScalarGrid(xRange: 0...3, yRange: 0...1, columns: 3, rows: 1, values: [0, 5, 10])
        let buffer = render(Heatmap(grid: grid, mode: .halfBlock), width: 3, height: 1)
        XCTAssertEqual(buffer.cells.map(\.role), [.heatLow, .heatMid, .heatHigh])
        XCTAssertEqual(buffer.text, " ▒█")
    }

    func testMarkerAndPathEndDrawnOverShading() {
        let map = Heatmap(grid: bowl, path: [(-1, 0), (0, 0)], marker: (1, -0.5), mode: .ascii)
        let buffer = render(map, width: 40, height: 16)
        let body = buffer.cells.dropFirst(buffer.width)  // below the legend
        XCTAssertEqual(body.filter { $0.character == "X" && $0.role == .marker }.count, 1, buffer.text)
        XCTAssertEqual(body.filter { $0.character == "O" && $0.role == .path }.count, 1, buffer.text)
    }

    func testNaNCellsLeftBlankAndConstantGridShadesLow() {
        let grid = ScalarGrid(xRange: 0...2, yRange: 0...1, columns: 2, rows: 1, values: [.nan, 4])
        let buffer = render(Heatmap(grid: grid, mode: .ascii), width: 2, height: 1)
        XCTAssertEqual(buffer.cells[0], .blank)
        XCTAssertEqual(buffer.cells[1].role, .heatLow)
    }
}
