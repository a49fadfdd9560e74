// Semantic style names: widgets say what a cell is, a theme decides how it looks.

/// What a cell shows (`loss.train`, `slider.warning`, …). Themes map roles to colours; Plot never names a colour.
public struct StyleRole: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }
    public var description: String { name }

    public static let text: StyleRole = "text"
    public static let dim: StyleRole = "text.dim"
    public static let title: StyleRole = "title"
    public static let border: StyleRole = "border"
    public static let axis: StyleRole = "axis"
    public static let tickLabel: StyleRole = "axis.label"
    public static let lossTrain: StyleRole = "loss.train"
    public static let lossTest: StyleRole = "loss.test"
    public static let reference: StyleRole = "loss.optimum"
    public static let ghost: StyleRole = "loss.ghost"
    public static let weightPositive: StyleRole = "weights.positive"
    public static let weightNegative: StyleRole = "weights.negative"
    public static let weightOptimum: StyleRole = "weights.optimum"
    public static let scatterTrain: StyleRole = "scatter.train"
    public static let scatterTest: StyleRole = "scatter.test"
    public static let diagonal: StyleRole = "scatter.diagonal"
    /// The current model's line or curve over the data.
    public static let fitLine: StyleRole = "fit.line"
    /// The closed-form line or curve, dashed, for comparison.
    public static let fitReference: StyleRole = "fit.reference"
    /// Segments from each point to the model.
    public static let fitResidual: StyleRole = "fit.residual"
    public static let heatLow: StyleRole = "heatmap.low"
    public static let heatMid: StyleRole = "heatmap.mid"
    public static let heatHigh: StyleRole = "heatmap.high"
    public static let path: StyleRole = "heatmap.path"
    public static let marker: StyleRole = "heatmap.optimum"
    public static let warning: StyleRole = "warning"
    public static let error: StyleRole = "error"
}
