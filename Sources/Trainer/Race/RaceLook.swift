// How each race contestant's line looks: a colour, a dash pattern and its method's letter.
import Engine
import Plot

/// One contestant's look: colour, dash pattern and the letter written along its line.
struct RaceLook: Equatable {
    var role: StyleRole
    var pattern: LinePattern
    var marker: Character

    /// Colours and dash patterns by position: up to six contestants, no two alike in either (the sixth takes the
    /// sixth weight path's colour, a purple in the built-in themes, and a dash-dot-dot of its own).
    static let roles: [StyleRole] = [.lossTrain, .lossTest, .reference, .heatHigh, .weightNegative, StyleRole("weights.path.6")]
    static let patterns: [LinePattern] = [.solid, .dashed, .dotted, .dashDot, .longDash, .dashDotDot]

    /// Each contestant's look. Colour alone fails on a monochrome projector, so every line also has its own
    /// dash pattern and carries its method's letter (G, S, B, M, A); a letter already taken becomes a digit.
    static func looks(_ contestants: [RaceContestant]) -> [RaceLook] {
        var taken = Set<Character>()
        return contestants.enumerated().map { index, contestant in
            var marker = letter(contestant.hyperparameters)
            if !taken.insert(marker).inserted { marker = Character(String((index + 1) % 10)) }
            return RaceLook(role: roles[index % roles.count], pattern: patterns[index % patterns.count], marker: marker)
        }
    }

    /// The method's letter: the update rule when it is not plain, else GD, SGD or mini-Batch.
    static func letter(_ hyperparameters: Hyperparameters) -> Character {
        switch hyperparameters.update {
        case .adam: return "A"
        case .momentum: return "M"
        case .nesterov: return "N"
        case .plain:
            switch hyperparameters.method {
            case .gd: return "G"
            case .sgd: return "S"
            case .minibatch: return "B"
            }
        }
    }
}
