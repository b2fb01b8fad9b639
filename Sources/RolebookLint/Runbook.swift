import CommonMark
import RolebookCore

/// One Markdown runbook, parsed once by libcmark, with everything the rules
/// need pulled out in a single walk: prose blocks (with code spans kept apart
/// from text), links with their destinations, fenced code blocks, headings.
struct Runbook: Sendable {
    let path: String
    let text: String
    let lines: SourceLines
    let frontMatter: FrontMatter?
    private(set) var blocks: [ProseBlock] = []
    private(set) var links: [Link] = []
    private(set) var codeBlocks: [CodeBlock] = []
    private(set) var headings: [String] = []
    let suppressions: Suppressions
    var problems: [Diagnostic]

    /// A link or image destination, where it is written.
    struct Link: Sendable {
        var destination: String
        var location: SourceLocation
        var isImage: Bool
    }

    /// A fenced or indented code block.
    struct CodeBlock: Sendable {
        var info: String
        var literal: String
        /// The line of the block's first content line.
        var firstLine: Int
        var column: Int
    }

    init(path: String, text: String) {
        self.path = path
        self.text = text
        let (matter, body, problems) = FrontMatter.split(text, path: path)
        frontMatter = matter
        self.problems = problems
        lines = SourceLines(body)
        suppressions = Suppressions(text: body)
        let root = MarkdownDocument.parse(body)
        collect(root)
    }

    func location(line: Int, byteColumn: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: lines.scalarColumn(line: line, byteColumn: byteColumn))
    }

    private mutating func collect(_ node: MarkdownNode) {
        switch node.kind {
        case .paragraph, .heading:
            var builder = ProseBlock.Builder(lines: lines)
            builder.add(children: node.children, inLink: false)
            if node.kind == .heading { headings.append(builder.plain) }
            blocks.append(builder.block(isHeading: node.kind == .heading))
            collectLinks(node)
        case .codeBlock:
            let start = node.range?.start
            // Fenced blocks start with the fence line; content begins on the next.
            let opener = lines.line(start?.line ?? 0).first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "-") }
            let fenced = node.fenceInfo != nil || opener == UInt8(ascii: "`") || opener == UInt8(ascii: "~")
            codeBlocks.append(
                CodeBlock(
                    info: node.fenceInfo ?? "", literal: node.literal ?? "",
                    firstLine: (start?.line ?? 1) + (fenced ? 1 : 0), column: start?.column ?? 1))
        case .htmlBlock, .thematicBreak:
            break
        default:
            for child in node.children { collect(child) }
        }
    }

    private mutating func collectLinks(_ node: MarkdownNode) {
        for child in node.children {
            if child.kind == .link || child.kind == .image, let url = child.url, let start = child.range?.start {
                // The destination follows "](" after the link text; find it on the line.
                let needle = Array("(\(url)".utf8)
                var column = start.column
                var line = start.line
                if let found = lines.find(needle, line: start.line, near: start.column) {
                    column = found + 1
                } else if let end = child.range?.end, let found = lines.find(needle, line: end.line, near: 1) {
                    line = end.line
                    column = found + 1
                }
                links.append(Link(destination: url, location: location(line: line, byteColumn: column), isImage: child.kind == .image))
            }
            collectLinks(child)
        }
    }
}
