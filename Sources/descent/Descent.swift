// The `descent` command line: the UI by default, `fit` headless, `bench` for speed.
import ArgumentParser
import Engine

@main
struct Descent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "descent",
        abstract: "Watch linear regression learn, live in the terminal.")

    mutating func run() throws {
        print("descent: the UI is not built yet")
    }
}
