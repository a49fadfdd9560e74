// The one way Descent writes and reads JSON: Codable through JSONEncoder, sorted keys, non-finite numbers as strings.
import Foundation

/// Everything Descent writes as JSON goes through `encoder` (`fit`, `race` and `bench --json`, the export's
/// PREFIX.json, recordings), and recordings are read back with `decoder`. What this relies on, pinned by
/// `JSONCodingTests` on the Swift in use:
/// - keys are sorted: JSONEncoder on Linux (Swift 6.3) does not keep declaration order, so without
///   `.sortedKeys` one object's keys would come out in a different order from run to run;
/// - a Double is the shortest text that parses back to the same Double (`0.1`, `1e-05`, `1e+22`; a whole number
///   without `.0`);
/// - a number that is not finite is the string "inf", "-inf" or "nan" (the spellings of the export's CSV cells),
///   so nothing is lost and a recording reads back what it wrote;
/// - an absent optional is written as `null` only where the type encodes it so (`encode(_:forKey:)` with an
///   Optional); synthesized conformances leave the key out.
public enum JSONCoding {
    public static let positiveInfinity = "inf"
    public static let negativeInfinity = "-inf"
    public static let notANumber = "nan"

    /// One line (or, `pretty`, indented lines) of JSON.
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: positiveInfinity, negativeInfinity: negativeInfinity, nan: notANumber)
        return encoder
    }

    /// Reads what `encoder` writes (non-finite numbers from their strings).
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: positiveInfinity, negativeInfinity: negativeInfinity, nan: notANumber)
        return decoder
    }

    /// `value` as one line of JSON text, without a newline.
    public static func line<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }
}
