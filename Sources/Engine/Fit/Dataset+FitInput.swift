// The one input a Fit view can put on its x axis: the lone feature, or the base of a one-feature polynomial.

extension Dataset {
    /// The input values x (one per row) when the model is a function of a single input: one feature, or the
    /// powers x, x², …, xᴰ of one base feature (`--poly D`). nil with several inputs.
    public var fitInput: [Double]? {
        if let base = polynomialBase {
            return base.names.count == 1 ? base.values : nil
        }
        return featureCount == 1 ? x : nil
    }

    /// The name of that single input ("x" for the line data), nil with several inputs.
    public var fitInputName: String? {
        if let base = polynomialBase { return base.names.count == 1 ? base.names[0] : nil }
        return featureCount == 1 ? featureNames[0] : nil
    }
}
