// `descent fit`: Train headless and print the result.
import ArgumentParser

struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fit", abstract: "Train headless and print the result.")

    mutating func run() throws {
        throw ValidationError("descent fit is not built yet")
    }
}
