/// How to publish.
public struct PublishOptions: Sendable {
    /// Read what is there, print the writes, send none.
    public var dryRun: Bool
    /// Overwrite a page a person edited since the last publish, or one
    /// rolebook did not create.
    public var force: Bool
    /// Minor edits do not notify watchers (the default: a regenerated page
    /// is routine).
    public var minorEdit: Bool
    public var retry: RetryPolicy

    public init(dryRun: Bool = false, force: Bool = false, minorEdit: Bool = true, retry: RetryPolicy = RetryPolicy()) {
        self.dryRun = dryRun
        self.force = force
        self.minorEdit = minorEdit
        self.retry = retry
    }
}
