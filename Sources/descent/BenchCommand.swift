// `descent bench`: Measure speed on a seeded synthetic data set.
import ArgumentParser

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Measure speed on a seeded synthetic data set.")

    mutating func run() throws {
        throw ValidationError("descent bench is not built yet")
    }
}
