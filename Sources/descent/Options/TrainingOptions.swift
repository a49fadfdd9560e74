// Command-line options for the optimizer and when it stops.
import ArgumentParser
import Engine

/// How `fit` solves: the closed form, or one of the iterative methods.
enum FitMethod: String, CaseIterable, ExpressibleByArgument {
    case closedForm = "closed-form"
    case gd, sgd, minibatch

    var trainingMethod: TrainingMethod? {
        switch self {
        case .closedForm: return nil
        case .gd: return .gd
        case .sgd: return .sgd
        case .minibatch: return .minibatch
        }
    }
}

/// The method, update rule, hyperparameters and stop criteria. Numeric options take the next word unconditionally,
/// so `--lr -1` reaches the range check below instead of reading as a missing value.
struct TrainingOptions: ParsableArguments {
    @Option(help: "gd: full batch; sgd: one row per step; minibatch: --batch-size rows; closed-form: solve directly.")
    var method: FitMethod = .gd

    @Option(help: "How a gradient becomes a step.")
    var update: UpdateRule = .plain

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Learning rate η for the loss --loss names (w ← w − η·∇J), as in the course that uses that loss.", valueName: "X"))
    var lr: Double = 0.1

    @Option(help: ArgumentHelp(
        "The loss J GD minimises: mse (1/n)·Σr², half-mse (1/2n)·Σr², sse Σr², half-sse ½·Σr² (plus any penalty).",
        valueName: "NAME"))
    var loss: LossScaling = .mse

    @Option(name: .customLong("batch-size"), parsing: .unconditional, help: "Rows per mini-batch step (1…n).")
    var batchSize: Int = 32

    @Option(parsing: .unconditional, help: "β for momentum and Nesterov.")
    var momentum: Double = 0.9

    @Option(parsing: .unconditional, help: "Stop after N steps (fit: default 1000 unless --epochs is given; the trainer: only when given).")
    var steps: Int?

    @Option(parsing: .unconditional, help: "Stop after E passes over the training rows (fractions allowed).")
    var epochs: Double?

    @Option(parsing: .unconditional, help: "Stop when the relative change of the loss falls below T (0: off).")
    var tol: Double = 1e-10

    @Option(parsing: .unconditional, help: "L2 penalty α in α‖w‖² (the intercept is not penalised).")
    var l2: Double = 0

    @Option(name: .customLong("init"), help: "Initial weights (random is seeded by --seed).")
    var initialization: InitialWeights = .zero

    enum InitialWeights: String, CaseIterable, ExpressibleByArgument { case zero, random }

    /// A one-line complaint naming the option, or nil when the values make sense.
    func problem() -> String? {
        if !(lr > 0 && lr.isFinite) { return "--lr: must be a positive finite number, got \(lr)" }
        if batchSize < 1 { return "--batch-size: must be at least 1, got \(batchSize)" }
        if !(momentum >= 0 && momentum < 1) { return "--momentum: must be in [0, 1), got \(momentum)" }
        if let steps, steps < 1 { return "--steps: must be at least 1, got \(steps)" }
        if let epochs, !(epochs > 0 && epochs.isFinite) { return "--epochs: must be a positive number, got \(epochs)" }
        if !(tol >= 0 && tol.isFinite) { return "--tol: must be a finite number ≥ 0, got \(tol)" }
        if !(l2 >= 0 && l2.isFinite) { return "--l2: must be a finite number ≥ 0, got \(l2)" }
        return nil
    }

    var hyperparameters: Hyperparameters {
        Hyperparameters(
            method: method.trainingMethod ?? .gd, update: update, learningRate: lr, batchSize: batchSize, l2: l2,
            momentum: momentum, loss: loss)
    }

    var stopCriteria: StopCriteria {
        StopCriteria(steps: steps ?? (epochs == nil ? 1000 : nil), epochs: epochs, tolerance: tol)
    }
}

extension UpdateRule: ExpressibleByArgument {}
extension LossScaling: ExpressibleByArgument {}
