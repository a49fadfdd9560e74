// `descent bench`: median speeds of training, solving and loading on a seeded synthetic data set.
import ArgumentParser
import Engine
import Foundation

/// Measures the Engine's workloads on seeded synthetic data; compare with ../shared/bench/peers.py run in the
/// same shell command.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure speed on a seeded synthetic data set.",
        discussion: """
            Reports medians: a full-batch GD step, mini-batch (32) steps/s, SGD samples/s, the closed form with \
            its diagnostics, one Lasso solve (scikit-learn's Lasso(alpha=0.01) problem, lasso_ms, by coordinate \
            descent to a duality gap of 1e-14), proximal mini-batch (32) steps/s with an L1 penalty, CSV loading (a 1,000,000 × 10 file, fewer rows with --rows), a plain two-thread read \
            of X (the memory limit), drawing one 200 × 60 frame, the worst frame-loop stall while the landscape, a narrated \
            step and an export are worked on, the bytes a second the trainer writes to a 120 × 40 and a 200 × 60 \
            pseudo-terminal while SGD trains diabetes (what an SSH session carries), and peak resident memory. Use a \
            release build.
            """)

    @Option(parsing: .unconditional, help: "Rows of the synthetic data (default 1,000,000; 100,000 with --quick).")
    var rows: Int?

    @Option(parsing: .unconditional, help: "Features of the synthetic data.")
    var features: Int = 32

    @Flag(help: "Small data and few repetitions: finishes in seconds (for CI).")
    var quick = false

    @Flag(help: "Print one JSON object on stdout.")
    var json = false

    @Flag(help: "Only the terminal bytes a second (no synthetic data).")
    var terminalOnly = false

    func validate() throws {
        if let rows, rows < 64 { throw ValidationError("--rows must be at least 64, got \(rows)") }
        if features < 1 { throw ValidationError("--features must be at least 1, got \(features)") }
        if features > 4096 { throw ValidationError("--features must be at most 4096, got \(features)") }
        let rows = self.rows ?? (quick ? BenchmarkSuite.quickRows : BenchmarkSuite.defaultRows)
        // The workloads hold the data set and a closed-form solve of it at once.
        let bytes = MemoryBudget.trainingBytes(rows: rows, features: features) + MemoryBudget.closedFormBytes(rows: rows, features: features)
        if let tooBig = MemoryBudget.problem(bytes: bytes) {
            throw ValidationError("--rows: \(MemoryBudget.shape(rows: rows, features: features)) \(tooBig)")
        }
    }

    mutating func run() throws {
        let suite = BenchmarkSuite(
            rows: rows ?? (quick ? BenchmarkSuite.quickRows : BenchmarkSuite.defaultRows), features: features,
            quick: quick, report: { FileHandle.standardError.write(Data("bench: \($0)\n".utf8)) })
        var figures = BenchmarkFigures(rows: 0, features: 0)
        do {
            if terminalOnly { try suite.terminalBytes(&figures) } else { figures = try suite.run() }
        } catch {
            MessageLine.write("error: bench: \(error)")
            Foundation.exit(1)
        }
        print(json ? try JSONCoding.line(figures) : figures.table)
    }
}
