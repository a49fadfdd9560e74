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
    /// The long names of the options below, as `DataOptions.optionNames`.
    static let optionNames = [
        "method", "update", "lr", "loss", "schedule", "decay", "power-t", "gamma", "every", "horizon", "floor",
        "batch-size", "momentum", "steps", "epochs", "tol", "l2", "l1", "init",
    ]

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

    @Option(help: ArgumentHelp(
        "How the rate decays from --lr (η₀): constant, inverse η₀/(1+k·s), invscaling η₀/(s+1)^p (scikit-learn's), step (×γ every K epochs), cosine (to a floor over T steps).",
        valueName: "NAME"))
    var schedule: ScheduleKind = .constant

    @Option(parsing: .unconditional, help: ArgumentHelp("k of --schedule inverse (per step; default 0.01).", valueName: "K"))
    var decay: Double?

    @Option(name: .customLong("power-t"), parsing: .unconditional, help: ArgumentHelp(
        "p of --schedule invscaling (scikit-learn's power_t; default 0.25).", valueName: "P"))
    var powerT: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("γ of --schedule step, in (0, 1] (default 0.5).", valueName: "G"))
    var gamma: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("K of --schedule step: epochs between drops (default 1).", valueName: "K"))
    var every: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("T of --schedule cosine: steps to the floor (default 1000).", valueName: "T"))
    var horizon: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "The floor of --schedule cosine as a fraction of η₀, in [0, 1] (default 0.01).", valueName: "F"))
    var floor: Double?

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

    @Option(
        parsing: .unconditional,
        help: "L2 penalty α in α‖w‖² (the intercept is not penalised): on the z-score weights when standardized, on the raw weights with --no-standardize.")
    var l2: Double = 0

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "L1 penalty α in α‖w‖₁ (with --l2: the elastic net; the intercept is not penalised). On MSE this is scikit-learn's Lasso/ElasticNet with alpha = α₁/2 + α₂ and l1_ratio = (α₁/2)/alpha; --method closed-form solves it by coordinate descent.",
        valueName: "A"))
    var l1: Double = 0

    @Option(name: .customLong("init"), help: ArgumentHelp(
        "Initial weights: zero, random (seeded by --seed), or the starting point w1,w2,...,b in data units (a weight for each feature, then the intercept).",
        valueName: "zero|random|w1,...,b"))
    var initialization: String = "zero"

    /// `--init random`.
    var randomInit: Bool { initialization == "random" }

    /// `--init w1,…,b` as numbers (nil for zero, random or text that is not a list of numbers).
    var initialWeights: [Double]? {
        guard initialization != "zero", initialization != "random" else { return nil }
        let values = initialization.split(separator: ",", omittingEmptySubsequences: false)
            .map { Double($0.trimmingCharacters(in: .whitespaces)) }
        return values.contains(nil) ? nil : values.map { $0! }
    }

    /// Why `--init` is not zero, random or a list of finite numbers (nil when it is).
    var initializationProblem: String? {
        if initialization == "zero" || initialization == "random" { return nil }
        guard let values = initialWeights else {
            return "--init: must be zero, random or the starting weights w1,...,b (numbers, comma-separated), got '\(initialization.escapedForMessage)'"
        }
        if let bad = values.first(where: { !$0.isFinite }) { return "--init: every value must be finite, got \(bad)" }
        return nil
    }

    /// A one-line complaint naming the option, or nil when the values make sense.
    func problem() -> String? {
        // The same rules as a preset's and a recording's (Engine's SetupValidation), then the schedule's parameters.
        let stop = StopCriteria(steps: steps, epochs: epochs, tolerance: tol)
        if let problem = hyperparameters.problem() ?? stop.problem() { return "\(problem.option): \(problem.reason)" }
        if let problem = initializationProblem { return problem }
        return scheduleParameters(schedule).problem { "--" + (TrainingOptions.scheduleOptionNames[$0] ?? $0) }
    }

    static let scheduleOptionNames = [
        "decay": "decay", "power": "power-t", "factor": "gamma", "every": "every", "horizon": "horizon", "floor": "floor",
    ]

    /// Every schedule parameter given belongs to `kind` (the schedule that will run); nil when so.
    func scheduleMismatch(for kind: ScheduleKind) -> String? {
        let owners: [(String, Bool, ScheduleKind)] = [
            ("decay", decay != nil, .inverse), ("power-t", powerT != nil, .invscaling), ("gamma", gamma != nil, .step),
            ("every", every != nil, .step), ("horizon", horizon != nil, .cosine), ("floor", floor != nil, .cosine),
        ]
        for (option, given, owner) in owners where given && owner != kind {
            return "--\(option): is a parameter of --schedule \(owner.rawValue), not \(kind.rawValue)"
        }
        return nil
    }

    /// The schedule with the given parameters over `base`'s (the defaults, or a preset's).
    func scheduleParameters(_ kind: ScheduleKind, over base: LearningRateSchedule = .init()) -> LearningRateSchedule {
        var s = base
        s.kind = kind
        if let decay { s.decay = decay }
        if let powerT { s.power = powerT }
        if let gamma { s.factor = gamma }
        if let every { s.every = every }
        if let horizon { s.horizon = horizon }
        if let floor { s.floor = floor }
        return s
    }

    var hyperparameters: Hyperparameters {
        Hyperparameters(
            method: method.trainingMethod ?? .gd, update: update, learningRate: lr, batchSize: batchSize, l2: l2,
            momentum: momentum, loss: loss, schedule: scheduleParameters(schedule), l1: l1)
    }

    var stopCriteria: StopCriteria {
        StopCriteria(steps: steps ?? (epochs == nil ? 1000 : nil), epochs: epochs, tolerance: tol)
    }
}

extension UpdateRule: ExpressibleByArgument {}
extension LossScaling: ExpressibleByArgument {}
extension ScheduleKind: ExpressibleByArgument {}
