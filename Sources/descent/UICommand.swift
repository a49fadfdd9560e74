// `descent ui`: Open the live trainer (the default).
import ArgumentParser

struct UICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ui", abstract: "Open the live trainer (the default).")

    mutating func run() throws {
        throw ValidationError("descent ui is not built yet")
    }
}
