// The L1 penalty control: the slider's range (off, then whole decades), the arrows' notches and the `L` key's decades.
import Foundation

extension TrainerState {
    /// The L1 slider's range above off: 10⁻³ … 10³ for the MSE, times k for J = k·MSE (against k·MSE the same
    /// pull on the weights takes a k times larger α₁). On standardized diabetes every weight is zero from α₁ ≈ 90.
    var l1Scale: LogScale {
        let k = hyperparameters.loss.multipleOfMSE(rows: rowCount)
        return LogScale(lower: 1e-3 * k, upper: 1e3 * k)
    }

    /// Off is the track's left end; the log range starts a little to its right, so off is one click away.
    static let l1OffFraction = 0.06

    /// The knob's place for α₁ (0: off, the left end).
    static func l1Fraction(of alpha: Double, in scale: LogScale) -> Double {
        alpha > 0 ? l1OffFraction + (1 - l1OffFraction) * scale.fraction(of: alpha) : 0
    }

    /// α₁ under a click or drag at `fraction` (two significant digits, as the lr slider rounds), or 0 at the left end.
    static func l1Value(atFraction fraction: Double, in scale: LogScale) -> Double {
        guard fraction >= l1OffFraction / 2 else { return 0 }
        return roundedToTwoDigits(scale.value(at: (fraction - l1OffFraction) / (1 - l1OffFraction)))
    }

    /// The arrows' stops: off and the 1-2-5 sequence over the range; stays at either end.
    static func l1Notch(after alpha: Double, up: Bool, in scale: LogScale) -> Double {
        let notches = [0] + learningRateNotches(in: scale)
        if up { return notches.first { $0 > alpha * (1 + 1e-9) } ?? notches.last! }
        return notches.last { $0 < alpha * (1 - 1e-9) } ?? 0
    }

    /// `L`: from off to each whole decade of the range (from 10 × its lower end), and off again after the top,
    /// so a few presses go from no penalty to every weight zero and back.
    static func l1Decade(after alpha: Double, in scale: LogScale) -> Double {
        let first = Int(ceil(log10(scale.lower * 10) - 1e-9)), last = Int(floor(log10(scale.upper) + 1e-9))
        let decades = (first...max(first, last)).map { pow(10, Double($0)) }
        return decades.first { $0 > alpha * (1 + 1e-9) } ?? 0
    }
}
