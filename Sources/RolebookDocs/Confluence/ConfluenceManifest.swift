/// `docs/confluence/manifest.json`: what `rolebook publish confluence` needs
/// to publish the export without the model, and what it compares with the
/// state it recorded in Confluence to skip unchanged content.
///
/// The publisher (the `RolebookConfluence` module, which does not link the
/// model) decodes this same shape; a test round-trips it through both.
/// Where the page goes (space, parent, page id) is deliberately not here: it
/// differs between a test space and the real one, so it comes from the
/// publish command's flags and environment, not from a generated file.
struct ConfluenceManifest: Codable, Sendable, Equatable {
    /// Bumped when the shape changes incompatibly.
    var format = 1
    var generator = "rolebook"
    var rolebookVersion: String
    var title: String
    /// Confluence labels (already in Confluence's label syntax).
    var labels: [String]
    var body: Body
    /// Sorted by name.
    var attachments: [Attachment]
    /// The page's anchors in document order: the targets other pages may
    /// link to (`ac:link ac:anchor` with `ri:page`).
    var anchors: [String]

    struct Body: Codable, Sendable, Equatable {
        /// Relative to the output directory (`confluence/page.xml`).
        var path: String
        var representation = "storage"
        var sha256: String
        var size: Int
    }

    struct Attachment: Codable, Sendable, Equatable {
        /// The attachment's file name in Confluence (`2B-3B.png`).
        var name: String
        /// Relative to the output directory (`diagrams/2B-3B.png`): the export
        /// references the diagram files `build` already writes instead of
        /// keeping a second copy of every PNG in the repository.
        var path: String
        var mediaType: String
        var sha256: String
        var size: Int
    }
}
