// The outcome of loading a DataSpecification.

/// Training rows, optional held-out rows, and notices for the user (e.g. skipped columns).
public struct LoadedData: Sendable {
    public var train: Dataset
    public var test: Dataset?
    /// Lines to show the user; Engine never prints.
    public var notices: [String]

    public init(train: Dataset, test: Dataset?, notices: [String]) {
        self.train = train
        self.test = test
        self.notices = notices
    }
}
