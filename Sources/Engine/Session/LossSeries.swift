// Which loss history (train or test) a curve is read from.

/// Which loss history to read.
public enum LossSeries: Sendable {
    case train, test
}
