// Scripts/install into a temporary prefix: the installed binary runs, bash loads the completions, man renders the page.
import Foundation
import XCTest

final class InstallTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private var prefix: URL!

    override func setUpWithError() throws {
        prefix = FileManager.default.temporaryDirectory.appendingPathComponent("descent-install-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: prefix, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: prefix)
    }

    /// Installs the descent and generate-manual built next to the tests (Scripts/test builds both).
    private func install() throws -> BinaryOutcome {
        let folder = URL(fileURLWithPath: try BinaryRun.builtBinary(for: Self.self)).deletingLastPathComponent()
        guard FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("generate-manual").path) else {
            throw XCTSkip("no generate-manual in \(folder.path): run swift build --product generate-manual (Scripts/test does)")
        }
        let outcome = try BinaryRun.run(
            Self.root.appendingPathComponent("Scripts/install").path, ["--prefix", prefix.path, "--from", folder.path])
        XCTAssertEqual(outcome.status, 0, "Scripts/install failed:\n\(outcome.stdout)\n\(outcome.stderr)")
        return outcome
    }

    private func tool(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/bin/\(name)", "/usr/local/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func testInstalledBinaryPrintsItsVersion() throws {
        _ = try install()
        let installed = prefix.appendingPathComponent("bin/descent").path
        let outcome = try BinaryRun.run(installed, ["--version"])
        XCTAssertEqual(outcome.status, 0)
        XCTAssertEqual(outcome.stdout, try VersionTests.sourceVersion() + "\n")
    }

    func testBashLoadsTheCompletionScript() throws {
        _ = try install()
        guard let bash = tool("bash") else { throw XCTSkip("bash is not installed") }
        let file = prefix.appendingPathComponent("share/bash-completion/completions/descent").path
        let outcome = try BinaryRun.run(bash, ["-c", "source '\(file)' && complete -p descent"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "complete -o filenames -F _descent descent")
        // The script completes the real subcommands (it was generated from the program, not written by hand).
        let words = try BinaryRun.run(bash, ["-c", "source '\(file)'; COMP_WORDS=(descent f); COMP_CWORD=1; _descent; printf '%s\\n' \"${COMPREPLY[@]}\""])
        XCTAssertTrue(words.stdout.split(separator: "\n").contains("fit"), "no 'fit' among completions: \(words.stdout) \(words.stderr)")
        for other in ["share/zsh/site-functions/_descent", "share/fish/vendor_completions.d/descent.fish"] {
            let text = try String(contentsOf: prefix.appendingPathComponent(other), encoding: .utf8)
            // zsh writes '--export[…]', fish "-l 'export'": both name fit's options and the built-in data sets.
            for word in ["export", "no-standardize", "test-fraction"] {
                XCTAssertTrue(text.contains(word), "\(other) does not complete \(word)")
            }
        }
    }

    func testManRendersTheManualPage() throws {
        _ = try install()
        guard let man = tool("man") else {
            throw XCTSkip("man is not installed (Scripts/install-dependencies --for-tests installs man-db and groff-base)")
        }
        let page = prefix.appendingPathComponent("share/man/man1/descent.1").path
        let outcome = try BinaryRun.run(man, ["-l", page], environment: ["MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "100", "LANG": "C.UTF-8"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        // Bold and underline as overstrike (c BS c, _ BS c) or SGR escapes, when a pager asks for them.
        let text = outcome.stdout.replacingOccurrences(of: "[^\n]\u{8}", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        // Symbols are spelt out (generate-manual would drop them): the formulas still read right.
        for expected in [
            "DESCENT(1)", "NAME", "SYNOPSIS", "Watch linear regression learn", "fit", "--export", "--plot", "--version",
            "L2 penalty alpha in alpha||w||^2", "MSE = (1/n)*sum (x*w + b - y)^2",
        ] {
            XCTAssertTrue(text.contains(expected), "the rendered manual lacks \(expected):\n\(text.prefix(800))")
        }
    }

    /// Every non-ASCII character of the help has a spelling in Scripts/install's table, so none is lost.
    func testEverySymbolInTheHelpHasAnASCIISpellingForTheManual() throws {
        let dump = try BinaryRun.run(BinaryRun.builtBinary(for: Self.self), ["--experimental-dump-help"])
        XCTAssertEqual(dump.status, 0)
        let script = try String(contentsOf: Self.root.appendingPathComponent("Scripts/install"), encoding: .utf8)
        let symbols = Set(dump.stdout.filter { !$0.isASCII })
        XCTAssertFalse(symbols.isEmpty, "the help has symbols (α, Σ, …): the check must see them")
        for symbol in symbols.sorted() {
            XCTAssertTrue(script.contains("'s/\(symbol)/"), "Scripts/install has no ASCII spelling for \(symbol)")
        }
    }

    func testUninstallRemovesEverythingItInstalled() throws {
        _ = try install()
        let outcome = try BinaryRun.run(Self.root.appendingPathComponent("Scripts/uninstall").path, ["--prefix", prefix.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: prefix.path), [], "left behind under the prefix")
        let again = try BinaryRun.run(Self.root.appendingPathComponent("Scripts/uninstall").path, ["--prefix", prefix.path])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.hasPrefix("Scripts/uninstall: no "), again.stderr)
    }

    func testBadArgumentIsOneLineAndExitOne() throws {
        let outcome = try BinaryRun.run(Self.root.appendingPathComponent("Scripts/install").path, ["--prefx", prefix.path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stderr.split(separator: "\n").count, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("'--prefx'"), outcome.stderr)
    }
}
