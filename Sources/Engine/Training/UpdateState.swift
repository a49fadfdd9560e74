// The update rules (plain, momentum, Nesterov, Adam) and the state they carry between steps.
import Foundation

/// Turns a gradient into a change of the parameters, keeping velocity or Adam moments between steps.
/// Parameters are w followed by b; `count` covers both.
public struct UpdateState: Sendable, Equatable {
    private var velocity: [Double]
    private var firstMoment: [Double]
    private var secondMoment: [Double]
    private var adamSteps = 0

    static let adamBeta1 = 0.9, adamBeta2 = 0.999, adamEpsilon = 1e-8

    public init(count: Int) {
        velocity = .init(repeating: 0, count: count)
        firstMoment = velocity
        secondMoment = velocity
    }

    /// The velocity v of momentum and Nesterov (w then b).
    var currentVelocity: [Double] { velocity }
    /// Adam's step count t and raw moments m and s (w then b), after the updates so far.
    var adamMoments: (steps: Int, first: [Double], second: [Double]) { (adamSteps, firstMoment, secondMoment) }

    /// Forgets velocity and moments (after a rule change, a reset or a change of units).
    public mutating func clear() {
        self = UpdateState(count: velocity.count)
    }

    /// Applies one update to `parameters[0..<updated]` (the intercept is excluded by passing d).
    public mutating func apply(
        _ rule: UpdateRule, gradient: [Double], to parameters: inout [Double], updated: Int,
        learningRate eta: Double, momentum beta: Double
    ) {
        switch rule {
        case .plain:
            for j in 0..<updated { parameters[j] -= eta * gradient[j] }
        case .momentum:
            for j in 0..<updated {
                velocity[j] = beta * velocity[j] + gradient[j]
                parameters[j] -= eta * velocity[j]
            }
        case .nesterov:
            // The look-ahead form: the gradient at the current point, corrected by the new velocity.
            for j in 0..<updated {
                velocity[j] = beta * velocity[j] + gradient[j]
                parameters[j] -= eta * (gradient[j] + beta * velocity[j])
            }
        case .adam:
            adamSteps += 1
            let b1 = UpdateState.adamBeta1, b2 = UpdateState.adamBeta2
            let correction1 = 1 - pow(b1, Double(adamSteps)), correction2 = 1 - pow(b2, Double(adamSteps))
            for j in 0..<updated {
                firstMoment[j] = b1 * firstMoment[j] + (1 - b1) * gradient[j]
                secondMoment[j] = b2 * secondMoment[j] + (1 - b2) * gradient[j] * gradient[j]
                let mHat = firstMoment[j] / correction1, vHat = secondMoment[j] / correction2
                parameters[j] -= eta * mHat / (vHat.squareRoot() + UpdateState.adamEpsilon)
            }
        }
    }
}
