// A named colour theme parsed from helix-style TOML: style roles mapped to colours and attributes.
import Engine
import Foundation
import Plot
import Terminal
import TOMLKit

/// A theme: its name and the style sheet a backend draws with.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: StyleSheet

    public init(name: String, styles: StyleSheet) {
        self.name = name
        self.styles = styles
    }

    /// The default theme, from the compiled-in copy of Themes/default.toml.
    public static let builtInDefault: Theme = {
        do {
            return try Theme(name: "default", toml: BuiltInThemes.sources["default"] ?? "", file: "default.toml")
        } catch {
            // The compiled-in file is tested; this keeps the app drawing even if it were broken.
            return Theme(name: "default", styles: StyleSheet())
        }
    }()

    /// Parses `toml`. Top-level keys are style roles, `[palette]` names colours.
    /// - Parameter file: how errors name the source (a path or a built-in name).
    public init(name: String, toml: String, file: String) throws {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: toml)
        } catch let error as TOMLParseError {
            throw ThemeError(
                file: file, line: error.source.begin.line, column: error.source.begin.column, message: error.description)
        }
        // TOMLKit's values carry no position: the line of a key path comes from the text.
        let locator = TOMLKeyLocator(toml)
        let locate = { (path: String...) in locator.line(of: path) }
        var palette: [String: RGBColor] = [:]
        if let value = table["palette"] {
            guard let paletteTable = value.table else {
                throw ThemeError(file: file, line: locate("palette"), message: "`palette` must be a table of colours")
            }
            for key in paletteTable.keys {
                guard let text = paletteTable[key]?.string, let color = RGBColor(hex: text) else {
                    throw ThemeError(file: file, line: locate("palette", key), message: "palette colour `\(key)` must be \"#rrggbb\"")
                }
                palette[key] = color
            }
        }
        func color(_ text: String, key: String, field: String? = nil) throws -> RGBColor {
            if let named = palette[text] { return named }
            if let hex = RGBColor(hex: text) { return hex }
            throw ThemeError(
                file: file, line: field.map { locate(key, $0) } ?? locate(key), message: "`\(key)`: unknown colour \"\(text)\" (use \"#rrggbb\" or a [palette] name)")
        }
        var styles: [StyleRole: TextStyle] = [:]
        for key in table.keys where key != "palette" {
            guard let value = table[key] else { continue }
            if let text = value.string {
                styles[StyleRole(key)] = TextStyle(foreground: try color(text, key: key))
                continue
            }
            guard let entry = value.table else {
                throw ThemeError(file: file, line: locate(key), message: "`\(key)` must be a colour or a table such as { fg = \"#ffffff\", bold = true }")
            }
            var style = TextStyle()
            for field in entry.keys {
                let fieldValue = entry[field]
                switch field {
                case "fg", "bg":
                    guard let text = fieldValue?.string else {
                        throw ThemeError(file: file, line: locate(key, field), message: "`\(key)`: \(field) must be a colour string")
                    }
                    let parsed = try color(text, key: key, field: field)
                    if field == "fg" { style.foreground = parsed } else { style.background = parsed }
                case "bold", "dim", "underline", "reverse":
                    guard let on = fieldValue?.bool else {
                        throw ThemeError(file: file, line: locate(key, field), message: "`\(key)`: \(field) must be true or false")
                    }
                    if on { style.attributes.insert(Self.attribute(field)) }
                case "modifiers":
                    guard let list = fieldValue?.array else {
                        throw ThemeError(file: file, line: locate(key, field), message: "`\(key)`: modifiers must be a list")
                    }
                    for item in list {
                        guard let word = item.string, ["bold", "dim", "underline", "reverse"].contains(word) else {
                            throw ThemeError(file: file, line: locate(key, field), message: "`\(key)`: unknown modifier (use bold, dim, underline, reverse)")
                        }
                        style.attributes.insert(Self.attribute(word))
                    }
                default:
                    // `loss.train = …` or `[loss.train]` is table `loss` with field `train`: say how a role is written.
                    let dotted = locator.writesOut([key, field])
                        ? "; a role is one quoted key: \"\(key).\(field)\" = …" : ""
                    throw ThemeError(
                        file: file, line: locate(key, field),
                        message: "`\(key)`: unknown field `\(field)` (use fg, bg, bold, dim, underline, reverse)\(dotted)")
                }
            }
            styles[StyleRole(key)] = style
        }
        let base = styles.removeValue(forKey: .text) ?? TextStyle()
        let usesColor = base.foreground != nil || base.background != nil
            || styles.values.contains { $0.foreground != nil || $0.background != nil }
        self.init(name: name, styles: StyleSheet(base: base, styles: styles, usesColor: usesColor))
    }

    /// Roles added after user themes were first written (the fit view's lines, the weight paths): a user theme
    /// that does not name one (nor a parent, such as `fit`) takes the built-in default's style for it.
    public static let rolesWithDefaultFallback: [StyleRole] =
        [.fitLine, .fitReference, .fitResidual] + (1...6).map { StyleRole("weights.path.\($0)") }

    /// This theme with each of `roles` it leaves unset (on itself and its dotted parents) taken from `fallback`.
    public func filling(_ roles: [StyleRole], from fallback: Theme) -> Theme {
        var copy = self
        for role in roles where !Self.sets(role, in: styles) {
            if let style = fallback.styles.styles[role] { copy.styles.styles[role] = style }
        }
        return copy
    }

    /// Whether `sheet` has an entry for `role` or one of its dotted parents.
    private static func sets(_ role: StyleRole, in sheet: StyleSheet) -> Bool {
        var name = role.name
        while true {
            if sheet.styles[StyleRole(name)] != nil { return true }
            guard let dot = name.lastIndex(of: ".") else { return false }
            name = String(name[..<dot])
        }
    }

    /// This theme with every colour removed (NO_COLOR): attributes stay.
    public var withoutColor: Theme {
        var copy = self
        copy.styles.usesColor = false
        return copy
    }

    private static func attribute(_ name: String) -> CellAttributes {
        switch name {
        case "bold": return .bold
        case "dim": return .dim
        case "underline": return .underline
        default: return .reverse
        }
    }
}
