// Every theme the user can pick: the built-in ones and those in the user's theme folder.
import Foundation

/// The themes in cycling order (built-ins first, then user themes by name) and the warnings met loading them.
public struct ThemeCatalog: Sendable {
    public private(set) var themes: [Theme]
    /// One line per rejected file (`path:line:column: message`); the theme falls back to the default.
    public private(set) var warnings: [String]

    /// Loads the built-in themes and every `*.toml` in `userDirectory` (a user theme named like a built-in replaces it).
    public init(userDirectory: URL?) {
        var themes: [Theme] = []
        var warnings: [String] = []
        for name in BuiltInThemes.names {
            do {
                themes.append(try Theme(name: name, toml: BuiltInThemes.sources[name] ?? "", file: "\(name).toml"))
            } catch {
                warnings.append("built-in theme \(error)")
            }
        }
        if let userDirectory,
            let files = try? FileManager.default.contentsOfDirectory(at: userDirectory, includingPropertiesForKeys: nil)
        {
            for file in files.filter({ $0.pathExtension == "toml" }).sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
                let name = file.deletingPathExtension().lastPathComponent
                let theme: Theme
                do {
                    let text = try String(contentsOf: file, encoding: .utf8)
                    theme = try Theme(name: name, toml: text, file: file.path)
                        .filling(Theme.rolesWithDefaultFallback, from: .builtInDefault)
                } catch let error as ThemeError {
                    warnings.append("warning: theme \(error); using the default theme instead")
                    continue
                } catch {
                    warnings.append("warning: theme \(file.path): cannot read (\(error.localizedDescription)); using the default theme instead")
                    continue
                }
                if let index = themes.firstIndex(where: { $0.name == name }) { themes[index] = theme } else { themes.append(theme) }
            }
        }
        if !themes.contains(where: { $0.name == "default" }) { themes.insert(.builtInDefault, at: 0) }
        self.themes = themes
        self.warnings = warnings
    }

    /// `$XDG_CONFIG_HOME/descent/themes`, else `~/.config/descent/themes`.
    public static func userDirectory(environment: [String: String]) -> URL? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("descent/themes")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".config/descent/themes")
    }

    public var names: [String] { themes.map(\.name) }

    public func index(of name: String) -> Int? { themes.firstIndex { $0.name == name } }

    public func theme(at index: Int) -> Theme {
        themes.isEmpty ? .builtInDefault : themes[((index % themes.count) + themes.count) % themes.count]
    }
}
