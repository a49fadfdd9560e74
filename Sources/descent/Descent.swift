// The `descent` command line: the UI by default, `fit` headless, `bench` for speed.
import ArgumentParser
import Foundation
import Terminal

@main
struct Descent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "descent",
        abstract: "Watch linear regression learn, live in the terminal.",
        discussion: """
            With no subcommand, `descent [options] [file]` opens the live trainer on the built-in `line` data (or \
            the CSV file, or --dataset NAME); `descent help ui` lists its options. In the trainer, Space trains, \
            ? shows every key and q quits.
            """,
        version: Version.current,
        subcommands: [UICommand.self, FitCommand.self, BenchCommand.self, RaceCommand.self],
        defaultSubcommand: UICommand.self)

    /// Like ArgumentParser's `main()`, but a user error is one line on stderr (naming the option), not a usage dump.
    static func main() {
        // Before anything can crash: one line instead of the runtime's (possibly interactive) backtracer.
        CrashLine.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let status as ExitCode {
            // A status the command chose (130 after Ctrl-C, 143 after SIGTERM) has nothing more to say.
            Foundation.exit(status.rawValue)
        } catch {
            let code = exitCode(for: error)
            guard code != .success else { exit(withError: error) }  // --help, --version: print as usual
            let message = self.message(for: error)
                .split(whereSeparator: \.isNewline).first.map(String.init) ?? "\(error)"
            MessageLine.error(message)
            // Bad input exits 1 whether we or the parser caught it (the documented status), not the parser's 64.
            Foundation.exit(code == .validationFailure ? 1 : code.rawValue)
        }
    }
}
