/// `docs/confluence/manifest.json` as `rolebook build` writes it (the
/// `ConfluenceManifest` of RolebookDocs; a test decodes one with this type).
/// The publisher needs nothing else from the model.
public struct ExportManifest: Codable, Sendable, Equatable {
    /// The only format this publisher reads.
    public static let supportedFormat = 1

    public var format: Int
    public var generator: String
    public var rolebookVersion: String
    public var title: String
    public var labels: [String]
    public var body: Body
    public var attachments: [Attachment]
    public var anchors: [String]

    public struct Body: Codable, Sendable, Equatable {
        public var path: String
        public var representation: String
        public var sha256: String
        public var size: Int
    }

    public struct Attachment: Codable, Sendable, Equatable {
        public var name: String
        public var path: String
        public var mediaType: String
        public var sha256: String
        public var size: Int
    }
}
