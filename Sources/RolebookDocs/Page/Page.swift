/// The composed Roles and Responsibilities page, independent of any output
/// format.
public struct Page: Sendable, Hashable {
    public var title: String
    public var summary: [Inline]
    public var labels: [String]
    public var aliases: [String]
    public var blocks: [PageBlock]

    /// The sections as a tree, for tables of contents.
    public var outline: [PageSection] {
        blocks.compactMap { if case .section(let section) = $0 { section } else { nil } }
    }

    /// Every anchor of the page, in document order (Confluence's anchor
    /// macros and the link check use it).
    public var anchors: [String] {
        var result: [String] = []
        func visit(_ blocks: [PageBlock]) {
            for block in blocks {
                if case .section(let section) = block {
                    result.append(section.anchor)
                    visit(section.blocks)
                }
            }
        }
        visit(blocks)
        return result
    }
}
