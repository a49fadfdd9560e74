// Answers from the session's worker waiting for the frame loop: it takes them each frame, never waits for them.
import Engine
import Foundation
import Plot

/// What came back from work submitted to `TrainingSession.worker`.
enum WorkerResult: Sendable {
    /// The landscape for an objective; nil when there are too many parameters for one.
    case landscape(LossLandscape?, key: LandscapeKey)
    case predictions(ScatterPredictions)
    /// The title-bar line saying where the export went, or why it failed.
    case exported(notice: String)
    case narration(StepNarration?)
    /// The regularization path for (standardized, l1_ratio).
    case path(RegularizationPath, standardized: Bool, l1Ratio: Double)
}

/// What a landscape depends on besides the data: the scaling GD runs on and the objective's penalties and loss.
struct LandscapeKey: Equatable, Sendable {
    var standardized: Bool
    var l2: Double
    var l1: Double
    var loss: LossScaling
    /// The training rows' version (`TrainingSnapshot.dataVersion`): an edit needs a new landscape.
    var data: Int
}

/// The scatter's predictions for one model.
struct ScatterPredictions: Sendable {
    var train: [Double]
    var test: [Double]
    /// The model they are for, and the data view whose own series came with them.
    var model: (weights: [Double], intercept: Double?)?
    var view: ChartData.ViewKey?
    var trainPartial: PartialResiduals?
    var testPartial: PartialResiduals?
    var trainResiduals: [Double] = []
    var testResiduals: [Double] = []
    /// The points counted for the panel's area, when the worker was told it.
    var density: ScatterPlot.Density? = nil
}

/// A lock-guarded inbox: jobs post from the worker thread, the frame loop takes everything at once.
final class WorkerResults: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [WorkerResult] = []

    func post(_ result: WorkerResult) { lock.withLock { waiting.append(result) } }

    func take() -> [WorkerResult] {
        lock.withLock {
            defer { waiting.removeAll() }
            return waiting
        }
    }
}
