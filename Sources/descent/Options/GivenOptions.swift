// Which long options the user actually typed, so a preset's values yield only to those.
import Foundation

/// The long options present on a command line (`--lr 0.1`, `--lr=0.1`), without their dashes. Options
/// with defaults cannot tell "typed the default" from "not typed" once parsed; the raw arguments can.
struct GivenOptions {
    private let names: Set<String>

    init(arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
        var names: Set<String> = []
        for argument in arguments {
            if argument == "--" { break }
            guard argument.hasPrefix("--"), argument.count > 2 else { continue }
            names.insert(String(argument.dropFirst(2).prefix(while: { $0 != "=" })))
        }
        self.names = names
    }

    func contains(_ name: String) -> Bool { names.contains(name) }

    /// The first of `candidates` that was given, for messages.
    func first(of candidates: [String]) -> String? { candidates.first(where: contains) }
}
