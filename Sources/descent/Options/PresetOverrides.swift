// Layering the command line over a preset: what the user typed wins, the preset fills in the rest.
import ArgumentParser
import Engine

/// A preset's setup with every explicitly given data or training option applied on top.
struct PresetOverrides {
    var data: DataOptions
    var training: TrainingOptions
    var given: GivenOptions

    /// The setup and method to run; throws `DataError` naming the option on nonsense.
    func apply(to preset: Preset) throws -> (setup: SessionSetup, method: FitMethod) {
        var setup = preset.setup
        var spec = setup.data
        if data.file != nil || given.contains("dataset") {
            spec.source = try data.specification().source
            if !given.contains("part") { spec.synthetic.part = nil }  // the preset's Anscombe part is for its data set
        }
        if given.contains("target") { spec.target = data.target }
        if let features = data.features, given.contains("features") {
            if case .builtin(.synthetic) = spec.source {
                guard let count = Int(features), count >= 1, count <= 10_000 else {
                    throw DataError.invalidOption(
                        option: "--features", reason: "for --dataset synthetic, a feature count from 1 to 10000, got '\(features)'")
                }
                spec.synthetic.features = count
                spec.features = nil
            } else {
                spec.features = try data.specification().features
            }
        }
        if given.contains("rows") { spec.synthetic.rows = data.rows }
        if given.contains("part") { spec.synthetic.part = data.part }
        if given.contains("noise") { spec.synthetic.noise = data.noise }
        if given.contains("condition") { spec.synthetic.conditionNumber = data.condition }
        if given.contains("poly") { spec.polynomialDegree = data.poly }
        if given.contains("test-fraction") { spec.testFraction = data.testFraction }
        if given.contains("seed") { spec.seed = data.seed }
        if data.noIntercept { spec.fitIntercept = false }
        if data.noStandardize { spec.standardize = false }
        setup.data = spec

        var h = setup.hyperparameters
        var method = FitMethod(rawValue: h.method.rawValue) ?? .gd
        if given.contains("method") {
            method = training.method
            if let chosen = training.method.trainingMethod { h.method = chosen }
        }
        if given.contains("update") { h.update = training.update }
        if given.contains("lr") { h.learningRate = training.lr }
        if given.contains("batch-size") { h.batchSize = training.batchSize }
        if given.contains("momentum") { h.momentum = training.momentum }
        if given.contains("l2") { h.l2 = training.l2 }
        if given.contains("l1") { h.l1 = training.l1 }
        if given.contains("loss") { h.loss = training.loss }
        let scheduleOptions = ["schedule", "decay", "power-t", "gamma", "every", "horizon", "floor"]
        if scheduleOptions.contains(where: given.contains) {
            let kind = given.contains("schedule") ? training.schedule : h.schedule.kind
            h.schedule = training.scheduleParameters(kind, over: h.schedule)
            let problem = training.scheduleMismatch(for: kind)
                ?? h.schedule.problem { "--" + (TrainingOptions.scheduleOptionNames[$0] ?? $0) }
            if let problem { throw ScheduleOptionError(description: problem) }
        }
        setup.hyperparameters = h
        if given.contains("init") {
            setup.randomInit = training.randomInit
            setup.initialWeights = training.initialWeights
        }

        // fit's own defaults fill what neither the preset nor the command line set.
        var stop = setup.stop
        if given.contains("steps") || given.contains("epochs") {
            stop.steps = training.steps
            stop.epochs = training.epochs
        }
        if stop.steps == nil && stop.epochs == nil { stop.steps = 1000 }
        if given.contains("tol") || !preset.keys.contains("stop.tol") { stop.tolerance = training.tol }
        setup.stop = stop
        return (setup, method)
    }
}

/// A schedule option that does not fit the schedule that will run (one line, naming the option).
extension PresetOverrides {
    /// A problem with the starting weights for the data, said where they were given: `--init`, or the preset's
    /// `training.init` (file:line) when the command line did not override it.
    static func initialWeightsMessage(_ problem: String, preset: Preset?, given: GivenOptions) -> String {
        guard let preset, !given.contains("init"), preset.initialWeightsLine != nil else { return "--init: " + problem }
        return preset.initialWeightsError(problem).description
    }
}

struct ScheduleOptionError: Error, CustomStringConvertible {
    var description: String
}
