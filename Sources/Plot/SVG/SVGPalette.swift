// Colours and dashes for print: each chart role's ink on white paper, each line pattern as an SVG dash array.
import Foundation

/// The print look of a figure. Colours are the Okabe–Ito set (told apart with colour-blindness and in grey);
/// dashes come from the screen's `LinePattern`, so a line reads the same on a slide as in the terminal.
public enum SVGPalette {
    public static let ink = "#222222"
    public static let grid = "#e4e4e4"
    public static let axis = "#444444"

    /// The colour of a role on paper.
    public static func colour(_ role: StyleRole) -> String {
        switch role {
        case .lossTrain, .weightPositive, .scatterTrain: "#0072B2"
        case .lossTest, .weightNegative, .scatterTest, .path: "#D55E00"
        case .reference, .weightOptimum, .marker, .fitReference: "#000000"
        case .fitLine: "#009E73"
        case .ghost: "#8c8c8c"
        case .diagonal: "#666666"
        case .heatLow: "#1b3a6b"
        case .heatHigh: "#c9d9ee"
        case .warning, .error: "#b00020"
        default: ink
        }
    }

    /// User units per dot column of the screen pattern.
    public static let dashUnit = 2.0

    /// `stroke-dasharray` for a pattern; nil for a solid line.
    public static func dashArray(_ pattern: LinePattern) -> String? {
        let dashes = pattern.dashes
        guard !dashes.isEmpty else { return nil }
        return dashes.map { SVGDocument.number(Double($0) * dashUnit) }.joined(separator: " ")
    }
}
