// Tests for theme files: the shipped ones parse and match their copies, bad files are located by line, NO_COLOR.
import Foundation
import Plot
import Terminal
import XCTest
@testable import Trainer

final class ThemeTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testShippedThemesParseAndCompiledCopiesMatchThemesFolder() throws {
        XCTAssertEqual(BuiltInThemes.names, ["default", "light", "high-contrast", "monochrome"])
        for name in BuiltInThemes.names {
            let file = try String(contentsOf: Self.repository.appendingPathComponent("Themes/\(name).toml"), encoding: .utf8)
            XCTAssertEqual(BuiltInThemes.sources[name].map { $0 + "\n" }, file, "\(name): run Scripts/embed-themes.sh")
            XCTAssertNoThrow(try Theme(name: name, toml: file, file: "\(name).toml"), name)
        }
    }

    func testDefaultThemeUsesOkabeItoColours() {
        let styles = Theme.builtInDefault.styles
        XCTAssertEqual(styles.style(for: .lossTrain).foreground, RGBColor(hex: "#56b4e9"))
        XCTAssertEqual(styles.style(for: .lossTest).foreground, RGBColor(hex: "#e69f00"))
        XCTAssertTrue(styles.style(for: .lossTrain).attributes.contains(.bold))
        XCTAssertTrue(styles.usesColor)
    }

    func testMonochromeThemeHasNoColourButTellsRolesApart() throws {
        let catalog = ThemeCatalog(userDirectory: nil)
        let mono = catalog.theme(at: try XCTUnwrap(catalog.index(of: "monochrome")))
        XCTAssertFalse(mono.styles.usesColor)
        XCTAssertNotEqual(mono.styles.style(for: .lossTrain), mono.styles.style(for: .lossTest))
        XCTAssertTrue(mono.styles.style(for: .buttonFocus).attributes.contains(.reverse))
    }

    func testNoColorKeepsAttributesOnly() {
        let plain = Theme.builtInDefault.withoutColor
        XCTAssertFalse(plain.styles.usesColor)
        XCTAssertTrue(plain.styles.style(for: .lossTrain).attributes.contains(.bold))
    }

    func testPaletteNamesShorthandAndModifiers() throws {
        let theme = try Theme(
            name: "t",
            toml: """
                "loss.train" = "sky"
                "loss.test" = { fg = "#ff0000", modifiers = ["underline", "dim"] }
                [palette]
                sky = "#56b4e9"
                """, file: "t.toml")
        XCTAssertEqual(theme.styles.style(for: .lossTrain).foreground, RGBColor(hex: "#56b4e9"))
        XCTAssertEqual(theme.styles.style(for: .lossTest).attributes, [.underline, .dim])
    }

    func testSyntaxErrorNamesFileAndLine() {
        XCTAssertThrowsError(try Theme(name: "bad", toml: "\"text\" = { fg = \"#fff\" }\n\"loss\" = {\n", file: "bad.toml")) { error in
            let themeError = error as? ThemeError
            XCTAssertEqual(themeError?.file, "bad.toml")
            XCTAssertEqual(themeError?.line, 2)
            XCTAssertTrue(String(describing: error).hasPrefix("bad.toml:2"))
        }
    }

    func testUnknownColourNamesItsLine() {
        let toml = "# comment\n\"text\" = { fg = \"#ffffff\" }\n\"loss.train\" = { fg = \"skyy\" }\n"
        XCTAssertThrowsError(try Theme(name: "bad", toml: toml, file: "bad.toml")) { error in
            XCTAssertEqual((error as? ThemeError)?.line, 3)
            XCTAssertTrue(String(describing: error).contains("skyy"))
        }
        XCTAssertThrowsError(try Theme(name: "bad", toml: "\"text\" = { colour = \"#fff\" }", file: "b.toml")) { error in
            XCTAssertEqual((error as? ThemeError)?.line, 1)
            XCTAssertTrue(String(describing: error).contains("colour"))
        }
    }

    func testAValueOfTheWrongShapeNamesItsLineAndKey() {
        // Each was refused without a line: a dotted or 'literal' key, a sub-table, a table under [palette].
        let cases: [(toml: String, line: Int, key: String)] = [
            ("\"text\" = { fg = \"#ffffff\" }\nloss.train = 5\n", 2, "loss"),
            ("\"text\" = { fg = \"#ffffff\" }\n'loss.train' = 5\n", 2, "loss.train"),
            ("\"text\" = {}\n\n[loss.train]\nfg = \"#fff000\"\n", 3, "loss"),
            ("[palette]\nsky = \"#56b4e9\"\n[palette.more]\nx = \"#000000\"\n", 3, "more"),
            ("# \"loss.test\" = 1\n\"legend\" = \"#ffffff\" # \"loss.test\" = 2\n\"loss.test\" = { fg = [1] }\n", 3, "loss.test"),
            ("\"text\" = {}\n\"axis\" = { bold = \"yes\" }\n", 2, "axis"),
        ]
        for (toml, line, key) in cases {
            XCTAssertThrowsError(try Theme(name: "bad", toml: toml, file: "bad.toml"), toml) { error in
                let text = "\(error)"
                XCTAssertEqual((error as? ThemeError)?.line, line, text)
                XCTAssertTrue(text.hasPrefix("bad.toml:\(line): "), text)
                XCTAssertTrue(text.contains("`\(key)`"), text)
            }
        }
        // Written dotted, a role reads as a table with an unknown field: the message says how to write it.
        XCTAssertThrowsError(try Theme(name: "bad", toml: "loss.train = \"#ffffff\"\n", file: "bad.toml")) {
            XCTAssertTrue("\($0)".hasSuffix("a role is one quoted key: \"loss.train\" = …"), "\($0)")
        }
        XCTAssertThrowsError(try Theme(name: "bad", toml: "\"text\" = { colour = \"#fff\" }", file: "b.toml")) {
            XCTAssertFalse("\($0)".contains("quoted key"), "a field of an inline table is just unknown: \($0)")
        }
    }

    func testCatalogReadsUserThemesAndWarnsAboutBadOnes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "\"loss.train\" = \"#123456\"\n".write(to: directory.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        try "\"text\" = {}\n\"loss\" = { fg = \"nope\" }\n".write(
            to: directory.appendingPathComponent("broken.toml"), atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(userDirectory: directory)
        XCTAssertEqual(catalog.names, ["default", "light", "high-contrast", "monochrome", "mine"])
        XCTAssertEqual(catalog.warnings.count, 1)
        let warning = try XCTUnwrap(catalog.warnings.first)
        XCTAssertTrue(warning.contains("broken.toml:2"), warning)
        XCTAssertTrue(warning.contains("default theme"), warning)
        XCTAssertEqual(catalog.theme(at: 4).styles.style(for: .lossTrain).foreground, RGBColor(hex: "#123456"))
        XCTAssertEqual(catalog.theme(at: 5).name, "default", "cycling wraps around")
    }

    func testUserDirectoryFollowsXDG() {
        XCTAssertEqual(
            ThemeCatalog.userDirectory(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"])?.path, "/x/descent/themes")
        XCTAssertEqual(ThemeCatalog.userDirectory(environment: ["HOME": "/h"])?.path, "/h/.config/descent/themes")
        XCTAssertNil(ThemeCatalog.userDirectory(environment: [:]))
    }
}
