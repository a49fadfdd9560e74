// The focusable controls, in Tab order.

/// One control of the Controls panel. `allCases` is the Tab order.
public enum ControlID: Int, CaseIterable, Sendable {
    case run, step, reset, closedForm, method, update, learningRate, batchSize, l1, speed

    var isButton: Bool { rawValue <= ControlID.closedForm.rawValue }

    var next: ControlID { ControlID(rawValue: (rawValue + 1) % Self.allCases.count)! }
    var previous: ControlID { ControlID(rawValue: (rawValue + Self.allCases.count - 1) % Self.allCases.count)! }
}
