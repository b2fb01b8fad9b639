import RolebookModel

/// One diagram of the model in every form the docs ship: DOT source, SVG
/// (standalone and inline), PNG and Mermaid. Rendered in memory so a build
/// can fail before writing anything.
public struct RenderedDiagram: Sendable {
    public var id: DiagramID
    public var title: String
    /// The DOT source (`docs/diagrams/<id>.dot`), for people who want to
    /// restyle or re-render it.
    public var dot: String
    /// The normalized SVG document: starts with the XML declaration, no
    /// Graphviz version comments, ends with `"\n"`.
    public var svg: String
    /// The same SVG from `<svg` on (no XML declaration, DOCTYPE or comments),
    /// for embedding in HTML.
    public var inlineSVG: String
    public var png: [UInt8]
    /// A Mermaid flowchart of the same graph, for GitHub and Obsidian.
    public var mermaid: String

    public init(
        id: DiagramID, title: String, dot: String, svg: String, inlineSVG: String, png: [UInt8], mermaid: String
    ) {
        self.id = id
        self.title = title
        self.dot = dot
        self.svg = svg
        self.inlineSVG = inlineSVG
        self.png = png
        self.mermaid = mermaid
    }
}
