// Options for how the live views draw: the colour theme and the glyph set (braille, half-blocks or ASCII).
import ArgumentParser
import Plot

/// The glyph set, chosen by the user or from the locale.
enum Charset: String, ExpressibleByArgument, CaseIterable {
    case auto, braille, blocks, ascii
}

struct DisplayOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Colour theme: default, light, high-contrast, monochrome, or NAME.toml in $XDG_CONFIG_HOME/descent/themes.",
        valueName: "NAME"))
    var theme: String?

    @Option(help: ArgumentHelp(
        "Glyphs: braille (2×4 dots a cell), blocks (half-blocks), ascii (no Unicode at all), or auto (braille in a UTF-8 locale, else ascii).",
        valueName: "auto|braille|blocks|ascii"))
    var charset: Charset = .auto

    /// The chart resolution to draw with.
    func renderMode(environment: [String: String]) -> RenderMode {
        switch charset {
        case .auto: RenderMode.detect(environment: environment)
        case .braille: .braille
        case .blocks: .halfBlock
        case .ascii: .ascii
        }
    }
}
