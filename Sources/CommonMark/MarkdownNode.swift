/// One node of a parsed CommonMark document, as an immutable Swift value.
///
/// The whole libcmark tree is copied into these values by
/// ``MarkdownDocument/parse(_:)`` and then freed, so a node can be kept,
/// shared between tasks and compared without any C lifetime to get wrong
/// (wrappers that hand out live `cmark_node` pointers have repeatedly ended in
/// leaks or use-after-free).
///
/// Only the properties that make sense for ``kind`` are set; the others are
/// `nil`.
///
/// ## Source positions
/// ``range`` is what libcmark 0.30 reports with `CMARK_OPT_SOURCEPOS`
/// (1-based lines, 1-based UTF-8 byte columns; see ``SourceRange``):
/// - Blocks always have an exact start. An empty document has no range
///   (cmark reports an end before the start, and such ranges become `nil`).
/// - `text`, `code`, `emphasis`, `strong`, `link`, `image` and `htmlInline`
///   have a range of their own. For `code` it covers the content only, not
///   the backticks; text that cmark merged from several pieces (entities,
///   backslash escapes) gets one range; a `text` before a hard line break may
///   include the trailing spaces that cmark trimmed from ``literal``.
/// - `softBreak` and `lineBreak` get no position from cmark, so their range
///   is `nil` (not a made-up one).
///
/// Inline ranges are exact **on the first line of their block**. On later
/// lines, libcmark 0.30 gets them wrong in three observed ways, which callers
/// reporting diagnostics should allow for (fall back to the enclosing
/// block's start when it matters):
/// - On a continuation line the column assumes the line is indented exactly
///   like the block's first line: in `"a\n   *b*"` the emphasis is reported
///   at 2:1, though it is at 2:4 (likewise inside `>` quotes and list items
///   whose continuation lines are indented further).
/// - After a backslash hard line break (`\` at the end of a line), the rest of
///   the paragraph is reported on the backslash's line, with columns counting
///   on past its end.
/// - A link or image whose text spans lines is reported as starting on the
///   line where it ends.
public struct MarkdownNode: Sendable, Hashable {
    /// What kind of node this is.
    public var kind: MarkdownNodeKind
    /// The child nodes, in document order. Leaves have none.
    public var children: [MarkdownNode]
    /// The text content of `text`, `code`, `codeBlock`, `htmlBlock` and
    /// `htmlInline` nodes, with entities and escapes already resolved.
    public var literal: String?
    /// The destination of a `link` or `image`.
    public var url: String?
    /// The title of a `link` or `image`; `nil` when there is none.
    public var title: String?
    /// The level (1…6) of a `heading`.
    public var headingLevel: Int?
    /// Whether a `list` is a bullet or an ordered list.
    public var listType: MarkdownListType?
    /// The number an ordered `list` starts at.
    public var listStart: Int?
    /// The info string of a fenced `codeBlock` (e.g. `swift`); `nil` when it
    /// is empty, which includes every indented code block.
    public var fenceInfo: String?
    /// Where this node is in the source; see the type's discussion for which
    /// nodes have one.
    public var range: SourceRange?

    public init(
        kind: MarkdownNodeKind,
        children: [MarkdownNode] = [],
        literal: String? = nil,
        url: String? = nil,
        title: String? = nil,
        headingLevel: Int? = nil,
        listType: MarkdownListType? = nil,
        listStart: Int? = nil,
        fenceInfo: String? = nil,
        range: SourceRange? = nil
    ) {
        self.kind = kind
        self.children = children
        self.literal = literal
        self.url = url
        self.title = title
        self.headingLevel = headingLevel
        self.listType = listType
        self.listStart = listStart
        self.fenceInfo = fenceInfo
        self.range = range
    }
}
