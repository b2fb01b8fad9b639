import RolebookCore

/// What the generated page is: its title, the paragraph under it, who reads
/// it, and the labels and aliases it is found by (front matter, Confluence).
public struct Document: Sendable {
    public var title: String
    /// CommonMark.
    public var summary: String?
    public var audience: [String]
    public var labels: [String]
    public var aliases: [String]
    public var location: SourceLocation
}
