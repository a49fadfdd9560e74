// The theme a live view starts with: the catalog, what loading it warned about, and the chosen entry.
import Foundation
import Trainer

/// Resolves `--theme` against the built-in and user themes, falling back to monochrome without colour.
struct ThemeChoice {
    let catalog: ThemeCatalog
    /// The user theme directory (messages name files relative to it).
    let directory: URL?
    /// One line each: user theme files that failed to load, an unknown `--theme` name.
    let warnings: [String]
    /// The `--theme` name, if given.
    let name: String?

    init(name: String?, environment: [String: String]) {
        self.name = name
        directory = ThemeCatalog.userDirectory(environment: environment)
        catalog = ThemeCatalog(userDirectory: directory)
        var warnings = catalog.warnings
        // A theme file that failed to load has already said why; only an unknown name needs its own line.
        if let name, catalog.index(of: name) == nil, !warnings.contains(where: { $0.contains("/\(name).toml:") }) {
            warnings.append(
                "warning: --theme \(name): no such theme (have \(catalog.names.joined(separator: ", "))); using the default theme")
        }
        self.warnings = warnings
    }

    /// The catalog entry to start with: the named theme, else monochrome on a terminal without colour.
    func index(colorless: Bool) -> Int {
        if let name, let chosen = catalog.index(of: name) { return chosen }
        if name == nil, colorless, let monochrome = catalog.index(of: "monochrome") { return monochrome }
        return 0
    }

    /// The first warning, shortened for the status bar.
    var notice: String? {
        warnings.first.map { warning in directory.map { warning.replacingOccurrences(of: $0.path + "/", with: "") } ?? warning }
    }
}
