// The log relative error (LRE) NIST uses to count correct significant digits.
import Foundation

/// LRE = −log10(|estimate − certified| / |certified|), or −log10|estimate| when certified is 0; in [0, 15].
func logRelativeError(_ estimate: Double, certified: Double) -> Double {
    let error = certified == 0 ? abs(estimate) : abs(estimate - certified) / abs(certified)
    guard error > 0 else { return 15 }
    return min(15, max(0, -log10(error)))
}
