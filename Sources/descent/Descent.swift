// The `descent` command line: the UI by default, `fit` headless, `bench` for speed.
import ArgumentParser

@main
struct Descent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "descent",
        abstract: "Watch linear regression learn, live in the terminal.",
        subcommands: [UICommand.self, FitCommand.self, BenchCommand.self],
        defaultSubcommand: UICommand.self)
}
