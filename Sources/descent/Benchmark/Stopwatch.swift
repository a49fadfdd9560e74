// Monotonic timing and medians for `descent bench`.
import Dispatch

/// Times closures on the monotonic clock and reports medians, which shrug off the odd slow run on a busy machine.
enum Stopwatch {
    /// Seconds taken by one call of `body`.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The median of `repetitions` timings of `body`, in seconds.
    static func medianSeconds(repetitions: Int, _ body: () throws -> Void) rethrows -> Double {
        var times = [Double]()
        for _ in 0..<max(1, repetitions) { times.append(try seconds(body)) }
        return median(times)
    }

    /// The middle value (the mean of the two middle values for an even count).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
