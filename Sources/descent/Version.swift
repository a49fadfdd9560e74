// The program's version: the one place it is written (`descent --version` and the manual page read it).
enum Version {
    /// Semantic version of this release of Descent.
    static let current = "0.1.0"
}
