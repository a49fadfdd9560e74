// Every data and training option yields to --replay: a new option cannot be forgotten in the list that says so.
import Foundation
import TestSupport
import XCTest

final class SetupOptionsTests: XCTestCase {
    /// Every option `arguments` takes, from the parser's own description of the command: its long name and a
    /// value it accepts (its first choice or its default; none for a flag).
    private func options(_ arguments: [String]) throws -> [(name: String, value: [String])] {
        let dump = try DescentProcess.run(arguments + ["--experimental-dump-help"])
        XCTAssertEqual(dump.status, 0, dump.stderr)
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let command = try XCTUnwrap(root["command"] as? [String: Any])
        let options = try XCTUnwrap(command["arguments"] as? [[String: Any]])
        return options.compactMap { option in
            guard let name = (option["names"] as? [[String: Any]])?.first(where: { $0["kind"] as? String == "long" })?["name"] as? String
            else { return nil }
            if option["kind"] as? String == "flag" { return (name, []) }
            let value = (option["allValues"] as? [String])?.first ?? option["defaultValue"] as? String ?? "1"
            return (name, [value])
        }
    }

    /// `--replay` takes the data and training from the recording: each such option given beside it is refused by
    /// name, in `fit` and in the trainer. The options that are not the setup's are listed here, so a new one
    /// must be placed on one side or the other.
    func testEveryDataAndTrainingOptionIsRefusedBesideReplayByName() throws {
        let notSetup: [[String]: Set<String>] = [
            ["fit"]: ["json", "history", "path", "l1-ratio", "preset", "replay", "export", "plot", "version", "help"],
            ["ui"]: ["preset", "record", "replay", "replay-speed", "speed", "fps", "theme", "charset", "version", "help"],
        ]
        for (command, others) in notSetup {
            let all = try options(command)
            XCTAssertTrue(all.contains { $0.name == "lr" } && all.contains { $0.name == "dataset" }, "\(command): \(all)")
            for (name, value) in all where !others.contains(name) {
                let outcome = try DescentProcess.run(command + ["--replay", "lesson.jsonl", "--" + name] + value)
                XCTAssertEqual(outcome.status, 1, "\(command) --\(name)")
                XCTAssertEqual(outcome.stderr,
                    "descent: --replay: the recording sets the data and training; do not also give --\(name)\n", "\(command) --\(name)")
            }
        }
    }
}
