// Which history (train loss, test loss, or the scheduled learning rate) a curve is read from.

/// Which history to read: the train or test loss, or the rate a schedule gave at each recorded step.
public enum LossSeries: Sendable {
    case train, test, rate
}
