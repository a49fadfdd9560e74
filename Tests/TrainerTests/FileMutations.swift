// Seeded mutants of a valid text file for tests (a copy of EngineTests/FileMutations.swift: one per test target until a shared test-support target exists).
import Engine

/// Deterministic mutants of `original`: the same seed gives the same files. Inserted bytes favour the ones that
/// break parsers (quotes, brackets, `=`, `.`, digits, minus, newlines) and control characters (ESC, BEL, 0x1D, NUL).
struct FileMutations: Sequence, IteratorProtocol {
    let original: [UInt8]
    var remaining: Int
    var random: SeededGenerator
    static let interesting = Array("\"'[]{}=.,:-+0123456789e\n#\\ ".utf8) + [0x1B, 0x07, 0x1D, 0x00, 0x7F, 0xFF, 0xC3]

    init(_ text: String, count: Int, seed: UInt64) {
        original = Array(text.utf8)
        remaining = count
        random = SeededGenerator(seed: seed)
    }

    mutating func next() -> [UInt8]? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        var bytes = original
        for _ in 0...random.nextInt(below: 3) { mutate(&bytes) }
        return bytes
    }

    private mutating func mutate(_ bytes: inout [UInt8]) {
        guard !bytes.isEmpty else {
            bytes = [Self.interesting[random.nextInt(below: Self.interesting.count)]]
            return
        }
        let at = random.nextInt(below: bytes.count)
        switch random.nextInt(below: 7) {
        case 0: bytes.remove(at: at)
        case 1: bytes.insert(Self.interesting[random.nextInt(below: Self.interesting.count)], at: at)
        case 2: bytes[at] = Self.interesting[random.nextInt(below: Self.interesting.count)]
        case 3: bytes = Array(bytes[..<at])  // cut short
        case 4, 5, 6:
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            let i = random.nextInt(below: lines.count), j = random.nextInt(below: lines.count)
            switch random.nextInt(below: 3) {
            case 0: lines.insert(lines[i], at: j)
            case 1: lines.swapAt(i, j)
            default: lines.remove(at: i)
            }
            bytes = Array(lines.joined(separator: [0x0A]))
        default: break
        }
    }
}
