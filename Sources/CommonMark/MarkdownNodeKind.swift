/// The kind of a node in a parsed CommonMark document.
///
/// This mirrors libcmark's `cmark_node_type` one to one so that callers can
/// reason about the tree without ever seeing the C enum (whose raw values are
/// an implementation detail of the linked libcmark version).
public enum MarkdownNodeKind: String, Sendable, Hashable, CaseIterable {
    // Block nodes.
    case document
    case blockQuote
    case list
    case item
    case codeBlock
    case htmlBlock
    /// Never produced by the parser; kept so the enum covers every cmark type.
    case customBlock
    case paragraph
    case heading
    case thematicBreak

    // Inline nodes.
    case text
    case softBreak
    case lineBreak
    case code
    case htmlInline
    /// Never produced by the parser; kept so the enum covers every cmark type.
    case customInline
    case emphasis
    case strong
    case link
    case image

    /// Whether this is a block-level node (as opposed to an inline one).
    ///
    /// Useful to tell where one line of running text ends, e.g. when joining
    /// plain text or deciding whether a position is a block's or a span's.
    public var isBlock: Bool {
        switch self {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock,
            .customBlock, .paragraph, .heading, .thematicBreak:
            true
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .customInline,
            .emphasis, .strong, .link, .image:
            false
        }
    }

    /// Whether libcmark treats this kind as a leaf that can never have children.
    ///
    /// cmark's iterator reports leaves with an ENTER event only (no EXIT), so
    /// the converter needs to know which kinds those are.
    var isLeaf: Bool {
        switch self {
        case .htmlBlock, .thematicBreak, .codeBlock, .text, .softBreak,
            .lineBreak, .code, .htmlInline:
            true
        default:
            false
        }
    }
}
