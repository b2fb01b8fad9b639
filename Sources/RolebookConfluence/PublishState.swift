/// What rolebook records about its last publish, in the page's content
/// property `rolebook`.
///
/// Change detection compares these digests, never the stored body:
/// Confluence rewrites storage format on save (macro ids, attribute order,
/// whitespace), so the body read back never equals the body sent. And
/// `pageVersion` is how a person's edit is noticed: Confluence bumps the
/// version on every save, so a current version above the one recorded here
/// means someone else saved the page since.
public struct PublishState: Codable, Sendable, Equatable {
    /// ``ExportBundle/digest``: title, body and attachments.
    public var digest: String
    public var bodySha256: String
    /// The page version rolebook's last publish created.
    public var pageVersion: Int
    public var rolebookVersion: String

    public init(digest: String, bodySha256: String, pageVersion: Int, rolebookVersion: String) {
        self.digest = digest
        self.bodySha256 = bodySha256
        self.pageVersion = pageVersion
        self.rolebookVersion = rolebookVersion
    }

    public static let propertyKey = "rolebook"

    /// Every version rolebook saves carries this message prefix, followed by
    /// the start of the digest. A version with it is rolebook's own even if
    /// the property was not written (a publish interrupted in between).
    public static let versionMessagePrefix = "rolebook publish"

    static func versionMessage(digest: String) -> String {
        "\(versionMessagePrefix) sha256:\(digest.prefix(16))"
    }
}
