/// An attachment of the page, as Confluence lists it.
public struct RemoteAttachment: Sendable, Equatable {
    public var id: String
    public var filename: String
    /// The comment of its current version, where rolebook writes
    /// `rolebook sha256:<hex>` (mark keeps its checksum the same way).
    public var comment: String
    public var version: Int

    public init(id: String, filename: String, comment: String, version: Int) {
        self.id = id
        self.filename = filename
        self.comment = comment
        self.version = version
    }

    static let commentPrefix = "rolebook sha256:"

    /// The SHA-256 rolebook recorded when it uploaded this version, if it did.
    public var recordedSHA256: String? {
        guard let range = comment.range(of: Self.commentPrefix) else { return nil }
        let hex = comment[range.upperBound...].prefix { $0.isHexDigit }
        return hex.count == 64 ? String(hex) : nil
    }

    static func comment(sha256: String) -> String { commentPrefix + sha256 }
}
