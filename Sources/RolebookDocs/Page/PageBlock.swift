/// A block of the page. The page is composed once into these and every
/// backend (Markdown, HTML, Confluence storage format) renders the same
/// structure, so panels, anchors and figures come out right in each instead
/// of being converted from Markdown.
public indirect enum PageBlock: Sendable, Hashable {
    case section(PageSection)
    case paragraph([Inline])
    case list(PageList)
    case table(PageTable)
    case panel(PagePanel)
    case figure(PageFigure)
    /// Where the table of contents goes.
    case tableOfContents
}

/// A heading with the blocks under it. `anchor` is the GitHub-style slug,
/// assigned once so that every backend links to the same ids.
public struct PageSection: Sendable, Hashable {
    public var level: Int
    public var title: String
    public var anchor: String
    public var blocks: [PageBlock]
}

public struct PageList: Sendable, Hashable {
    public var ordered: Bool
    public var items: [PageListItem]
}

/// A list item: a line of text and, optionally, nested blocks under it.
public struct PageListItem: Sendable, Hashable {
    public var content: [Inline]
    public var children: [PageBlock]

    public init(_ content: [Inline], children: [PageBlock] = []) {
        self.content = content
        self.children = children
    }
}

public struct PageTable: Sendable, Hashable {
    public var header: [String]
    public var rows: [[[Inline]]]
    /// Short description for screen readers and the HTML `caption`.
    public var caption: String?
}

/// A call-out box. The kinds are what they mean to the reader; each backend
/// maps them to its own vocabulary (Confluence's `info`/`note`/`warning`).
public struct PagePanel: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Background and reasons ("Rationale").
        case rationale
        /// Something to keep in mind ("Note").
        case note
        /// Read this before changing anything ("Important").
        case important
    }

    public var kind: Kind
    public var title: String
    public var blocks: [PageBlock]
}

/// A diagram with its caption. Backends embed the SVG (HTML), link the file
/// (Markdown) or attach the PNG (Confluence).
public struct PageFigure: Sendable, Hashable {
    public var diagramID: String
    public var title: String
    public var caption: [Inline]
    /// Relative paths inside the output directory.
    public var svgPath: String
    public var pngPath: String
}
