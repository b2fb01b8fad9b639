/// A page as Confluence reports it: what the publisher needs to decide
/// whether it may write and which version to write.
public struct RemotePage: Sendable, Equatable {
    public var id: String
    public var title: String
    public var version: Int
    /// The message of the current version: rolebook's own start with
    /// ``PublishState/versionMessagePrefix``.
    public var versionMessage: String
    /// The direct parent, when Confluence says.
    public var parentID: String?

    public init(id: String, title: String, version: Int, versionMessage: String, parentID: String?) {
        self.id = id
        self.title = title
        self.version = version
        self.versionMessage = versionMessage
        self.parentID = parentID
    }
}
