// The figures `descent bench` reports, as JSON (the keys peers.py also prints) or as a table.
import Foundation

/// Median figures of one benchmark run; a figure is nil when it was not measured.
struct BenchmarkFigures: Encodable {
    var rows: Int
    var features: Int
    /// One full-batch GD step: the fused loss-and-gradient pass over all rows plus the update.
    var gdStepMilliseconds: Double?
    var minibatch32StepsPerSecond: Double?
    var sgdSamplesPerSecond: Double?
    /// The closed-form solve with its diagnostics, as the training session asks for it.
    var closedFormMilliseconds: Double?
    /// One reference solve of scikit-learn's Lasso(alpha=0.01) problem (peers.py's lasso_ms), to a gap ≤ 1e-14·‖ỹ‖²/n.
    var lassoMilliseconds: Double?
    /// Mini-batch (32) steps with an L1 penalty: the proximal step after each update.
    var proximalMinibatch32StepsPerSecond: Double?
    /// The stable learning rate (λmax of the Hessian) of a wide 1,000 × 5,000 design, standardized.
    var wideStableRateMilliseconds: Double?
    var csvLoadMegabytesPerSecond: Double?
    var memoryReadGigabytesPerSecond: Double?
    var renderFrameMilliseconds: Double?
    /// The real frame loop's longest time between two looks for input while the landscape, a narrated step
    /// and an export are worked on for the synthetic data set (target ≤ 33 ms, one frame).
    var frameLoopStallMilliseconds: Double?
    /// Training steps/s with a 30 fps UI reading and drawing, ÷ steps/s without it (goal ≥ 0.9).
    var trainingSpeedWithUIRatio: Double?
    /// Bytes a second the trainer writes to a 120 × 40 and a 200 × 60 pseudo-terminal while SGD trains diabetes
    /// (goal ≤ 40 KB/s at 120 × 40): what one student's SSH session carries.
    var terminalBytesPerSecond120x40: Double?
    var terminalBytesPerSecond200x60: Double?
    /// VmHWM after the workloads on the synthetic data set, before the CSV phase.
    var peakResidentMegabytes: Double?
    /// The synthetic data set's own bytes (X and y).
    var dataMegabytes: Double?
    /// VmHWM of the CSV phase alone (after the data set was freed); shown in the table only.
    var csvPeakResidentMegabytes: Double?

    /// One JSON object with exactly the keys of the performance issue (`JSONCoding`: sorted); figures not measured
    /// are left out, and so are the two shown in the table only.
    enum CodingKeys: String, CodingKey {
        case rows, features
        case gdStepMilliseconds = "gd_step_ms"
        case minibatch32StepsPerSecond = "minibatch32_steps_per_s"
        case sgdSamplesPerSecond = "sgd_samples_per_s"
        case closedFormMilliseconds = "closed_form_ms"
        case lassoMilliseconds = "lasso_ms"
        case proximalMinibatch32StepsPerSecond = "proximal_minibatch32_steps_per_s"
        case wideStableRateMilliseconds = "wide_stable_rate_ms"
        case csvLoadMegabytesPerSecond = "csv_load_mb_per_s"
        case memoryReadGigabytesPerSecond = "mem_read_gb_per_s"
        case renderFrameMilliseconds = "render_frame_ms"
        case trainingSpeedWithUIRatio = "ui_training_speed_ratio"
        case frameLoopStallMilliseconds = "frame_loop_stall_ms"
        case terminalBytesPerSecond120x40 = "terminal_bytes_per_s_120x40"
        case terminalBytesPerSecond200x60 = "terminal_bytes_per_s_200x60"
        case peakResidentMegabytes = "peak_rss_mb"
    }

    /// A readable table, one figure per line, with the data set's size on top.
    var table: String {
        var lines = rows > 0 ? ["descent bench: \(rows) × \(features) Float64 (medians)"] : ["descent bench: terminal bytes"]
        func add(_ name: String, _ value: Double?, _ unit: String, digits: Int) {
            guard let value else { return }
            // Small figures (tiny data sets) keep three significant digits.
            let digits = value > 0 && value < 1 ? max(digits, 2 - Int(log10(value).rounded(.down))) : digits
            lines.append(name.padding(toLength: 34, withPad: " ", startingAt: 0) + Self.format(value, digits: digits) + " " + unit)
        }
        add("full-batch GD step", gdStepMilliseconds, "ms", digits: 2)
        add("mini-batch (32) steps", minibatch32StepsPerSecond, "steps/s", digits: 0)
        add("SGD samples", sgdSamplesPerSecond, "samples/s", digits: 0)
        add("closed form with diagnostics", closedFormMilliseconds, "ms", digits: 1)
        add("lasso (coordinate descent, alpha 0.01)", lassoMilliseconds, "ms", digits: 1)
        add("proximal mini-batch (32) steps", proximalMinibatch32StepsPerSecond, "steps/s", digits: 0)
        add("stable rate, wide 1,000 × 5,000", wideStableRateMilliseconds, "ms", digits: 1)
        add("CSV load", csvLoadMegabytesPerSecond, "MB/s", digits: 0)
        add("memory read (2 threads)", memoryReadGigabytesPerSecond, "GB/s", digits: 2)
        add("render one frame", renderFrameMilliseconds, "ms", digits: 2)
        add("training speed, UI at 30 fps", trainingSpeedWithUIRatio, "× headless", digits: 2)
        add("worst frame-loop stall", frameLoopStallMilliseconds, "ms", digits: 1)
        add("terminal bytes, 120 × 40 SGD", terminalBytesPerSecond120x40.map { $0 / 1000 }, "KB/s", digits: 1)
        add("terminal bytes, 200 × 60 SGD", terminalBytesPerSecond200x60.map { $0 / 1000 }, "KB/s", digits: 1)
        add("peak memory, training workloads", peakResidentMegabytes, "MB", digits: 0)
        add("  the data set's own bytes", dataMegabytes, "MB", digits: 0)
        add("peak memory, CSV loading", csvPeakResidentMegabytes, "MB", digits: 0)
        return lines.joined(separator: "\n")
    }

    /// A number with a fixed count of decimals and thousands separated by commas.
    static func format(_ value: Double, digits: Int) -> String {
        let scale = (0..<digits).reduce(1.0) { value, _ in value * 10 }
        let rounded = (value * scale).rounded() / scale
        let whole = Int(rounded.rounded(.towardZero))
        var integer = String(abs(whole))
        var grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        grouped = (rounded < 0 ? "-" : "") + integer + grouped
        guard digits > 0 else { return grouped }
        let fraction = Int((abs(rounded - Double(whole)) * scale).rounded())
        let text = String(fraction)
        return grouped + "." + String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
