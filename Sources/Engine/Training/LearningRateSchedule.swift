// Learning-rate schedules: constant, inverse, invscaling (scikit-learn's), step and cosine, and their parameters.
import Foundation

/// The name of a schedule, as options, presets and recordings spell it.
public enum ScheduleKind: String, CaseIterable, Sendable, Codable {
    case constant, inverse, invscaling, step, cosine
}

/// How the learning rate η₀ (the lr slider) decays with s, the steps taken since the schedule was set (or
/// the run started or was reset), and e, the epochs since then (rows seen ÷ n):
/// - constant: η₀
/// - inverse: η₀ / (1 + k·s)
/// - invscaling: η₀ / (s + 1)ᵖ — scikit-learn's `eta0 / pow(t, power_t)` with its t = weight updates + 1
///   (t starts at 1; for SGD one update is one sample, so t − 1 is both steps and samples seen)
/// - step: η₀ · γ^⌊e / K⌋ (×γ every K epochs)
/// - cosine: η_min + (η₀ − η_min)·(1 + cos(π·min(s, T)/T))/2 with η_min = f·η₀, then η_min after T steps
public struct LearningRateSchedule: Sendable, Equatable, Codable {
    public var kind: ScheduleKind
    /// k of `inverse` (per step).
    public var decay: Double
    /// p of `invscaling` (scikit-learn's power_t).
    public var power: Double
    /// γ of `step`.
    public var factor: Double
    /// K of `step`, in epochs.
    public var every: Double
    /// T of `cosine`, in steps.
    public var horizon: Int
    /// f of `cosine`: the floor as a fraction of η₀.
    public var floor: Double

    public static let constant = LearningRateSchedule()

    public init(
        kind: ScheduleKind = .constant, decay: Double = 0.01, power: Double = 0.25, factor: Double = 0.5,
        every: Double = 1, horizon: Int = 1000, floor: Double = 0.01
    ) {
        self.kind = kind
        self.decay = decay
        self.power = power
        self.factor = factor
        self.every = every
        self.horizon = horizon
        self.floor = floor
    }

    /// The rate of the step taken after `steps` steps and `epochs` epochs under this schedule.
    public func rate(base eta: Double, steps s: Int, epochs e: Double) -> Double {
        switch kind {
        case .constant: return eta
        case .inverse: return eta / (1 + decay * Double(s))
        case .invscaling: return eta / pow(Double(s + 1), power)
        case .step: return eta * pow(factor, Foundation.floor(e / every))
        case .cosine:
            let low = floor * eta
            let progress = Double(min(s, horizon)) / Double(horizon)
            return low + (eta - low) * (1 + cos(Double.pi * progress)) / 2
        }
    }

    /// The parameters in force, for status lines and reports ("invscaling p 0.25").
    public var summary: String {
        func n(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e6 ? String(Int(x)) : "\(x)" }
        switch kind {
        case .constant: return "constant"
        case .inverse: return "inverse k \(n(decay))"
        case .invscaling: return "invscaling p \(n(power))"
        case .step: return "step γ \(n(factor)) every \(n(every)) epochs"
        case .cosine: return "cosine T \(horizon) floor \(n(floor))"
        }
    }

    /// A one-line complaint naming the parameter (as `name(parameter)` spells it), or nil when all make sense.
    public func problem(name: (String) -> String) -> String? {
        if !(decay >= 0 && decay.isFinite) { return "\(name("decay")): must be a finite number ≥ 0, got \(decay)" }
        if !(power >= 0 && power.isFinite) { return "\(name("power")): must be a finite number ≥ 0, got \(power)" }
        if !(factor > 0 && factor <= 1) { return "\(name("factor")): must be in (0, 1], got \(factor)" }
        if !(every > 0 && every.isFinite) { return "\(name("every")): must be a positive number of epochs, got \(every)" }
        if horizon < 1 { return "\(name("horizon")): must be at least 1 step, got \(horizon)" }
        if !(floor >= 0 && floor <= 1) { return "\(name("floor")): must be in [0, 1], got \(floor)" }
        return nil
    }
}
